/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios.handlers;

import org.eclipse.swt.widgets.Shell;

import dev.onramp.core.Device;
import dev.onramp.ui.internal.scenarios.Scenario;
import dev.onramp.ui.internal.scenarios.ScenarioLauncher;

/** Runs one scenario on the selected device: Change Wi-Fi…, Re-provision…, Provision…, Verify Certificate. */
abstract class ScenarioHandler extends DeviceHandler {

	private final Scenario scenario;

	ScenarioHandler(Scenario scenario) {
		this.scenario = scenario;
	}

	@Override
	protected boolean fits(Device device) {
		return scenario.fits(device);
	}

	@Override
	protected void execute(Device device, Shell shell) {
		ScenarioLauncher.start(scenario, device, shell);
	}
}
