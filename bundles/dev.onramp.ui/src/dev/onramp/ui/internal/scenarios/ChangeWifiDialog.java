/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.onramp.core.Device;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/** Change Wi-Fi: the network and its password; the protocol (Improv or the REPL) is asked of the board. */
public class ChangeWifiDialog extends ScenarioDialog {

	private Text ssid;
	private Text password;

	public ChangeWifiDialog(Shell parent, Device device) {
		super(parent, device);
	}

	@Override
	protected String title() {
		return Messages.ChangeWifiDialog_title;
	}

	@Override
	protected String description() {
		return NLS.bind(Messages.ChangeWifiDialog_description, DeviceCapabilities.title(device));
	}

	@Override
	protected String runLabel() {
		return Messages.ChangeWifiDialog_run;
	}

	@Override
	protected void createFields(Composite fields) {
		ssid = textField(fields, Messages.ScenarioDialog_ssid, Messages.ScenarioDialog_ssidHint);
		password = secretField(fields, Messages.ScenarioDialog_password, Messages.ScenarioDialog_passwordHint);
	}

	@Override
	protected String problem() {
		return ssid == null ? Messages.ScenarioDialog_ssidMissing : ssidProblem(ssid.getText());
	}

	@Override
	protected Job createJob(IDeviceConsole console) {
		return new ChangeWifiJob(device, console, ssid.getText(), secret(password));
	}
}
