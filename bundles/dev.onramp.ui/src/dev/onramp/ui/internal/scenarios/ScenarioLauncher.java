/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

import dev.onramp.core.Device;
import dev.onramp.ui.internal.console.IDeviceConsoles;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;
import dev.onramp.ui.internal.wizards.reprovision.ReprovisionWizard;
import dev.onramp.ui.internal.wizards.wifi.ChangeWifiWizard;
import dev.onramp.ui.internal.wizards.wifi.ProvisionWizard;
import dev.onramp.ui.internal.wizards.wifi.WifiWizards;

/** Starts a scenario on a device: its dialog, or (Verify Certificate, which asks nothing) its Job. */
public final class ScenarioLauncher {

	private ScenarioLauncher() {
	}

	/** Call on the UI thread; returns at once (the dialogs do not block, the work runs in a Job). */
	public static void start(Scenario scenario, Device device, Shell shell) {
		switch (scenario) {
		case CHANGE_WIFI -> WifiWizards.open(shell, new ChangeWifiWizard(device));
		case REPROVISION -> {
			WizardDialog wizard = new WizardDialog(shell, new ReprovisionWizard(device));
			wizard.setBlockOnOpen(false);
			wizard.open();
		}
		case PROVISION -> WifiWizards.open(shell, new ProvisionWizard(device, RememberedPops.inDefaultStorage()));
		case VERIFY -> new VerifyJob(device, console(device)).schedule();
		}
	}

	/** @return the device's console, or null until a console service is installed */
	static IDeviceConsole console(Device device) {
		IDeviceConsoles consoles = consoles();
		return consoles == null ? null : consoles.console(DeviceCapabilities.key(device), DeviceCapabilities.title(device));
	}

	/** Tells the consoles a secret the user typed, so no console ever shows it, whatever a board or a service prints. */
	static void maskInConsoles(String secretValue) {
		IDeviceConsoles consoles = consoles();
		if (consoles != null && secretValue != null && !secretValue.isEmpty()) {
			consoles.maskSecret(secretValue);
		}
	}

	private static IDeviceConsoles consoles() {
		return PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getService(IDeviceConsoles.class) : null;
	}
}
