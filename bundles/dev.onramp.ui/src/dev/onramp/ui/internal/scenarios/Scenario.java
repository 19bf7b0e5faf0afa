/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.util.List;
import java.util.function.Predicate;

import dev.onramp.core.Device;

/** The scenarios Connect Device offers, each with its command and the test that says whether it fits a board. */
public enum Scenario {
	CHANGE_WIFI("dev.onramp.ui.commands.changeWifi", DeviceCapabilities::canChangeWifi), //$NON-NLS-1$
	REPROVISION("dev.onramp.ui.commands.reprovision", DeviceCapabilities::canReprovision), //$NON-NLS-1$
	PROVISION("dev.onramp.ui.commands.provision", DeviceCapabilities::canProvision), //$NON-NLS-1$
	VERIFY("dev.onramp.ui.commands.verifyCertificate", DeviceCapabilities::canVerify); //$NON-NLS-1$

	private final String commandId;
	private final Predicate<Device> fits;

	Scenario(String commandId, Predicate<Device> fits) {
		this.commandId = commandId;
		this.fits = fits;
	}

	public String commandId() {
		return commandId;
	}

	public boolean fits(Device device) {
		return fits.test(device);
	}

	/** @return what the chooser lists */
	public String label() {
		return switch (this) {
		case CHANGE_WIFI -> Messages.Scenario_changeWifi;
		case REPROVISION -> Messages.Scenario_reprovision;
		case PROVISION -> Messages.Scenario_provision;
		case VERIFY -> Messages.Scenario_verify;
		};
	}

	/** @return one line saying what the scenario does */
	public String description() {
		return switch (this) {
		case CHANGE_WIFI -> Messages.Scenario_changeWifiDescription;
		case REPROVISION -> Messages.Scenario_reprovisionDescription;
		case PROVISION -> Messages.Scenario_provisionDescription;
		case VERIFY -> Messages.Scenario_verifyDescription;
		};
	}

	/** @return the scenarios that fit the device, in the chooser's order */
	public static List<Scenario> fitting(Device device) {
		return List.of(values()).stream().filter(s -> s.fits(device)).toList();
	}
}
