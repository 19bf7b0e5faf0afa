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
import dev.onramp.ui.internal.scenarios.ConnectDeviceDialog;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;

/** Connect Device…: the chooser of the scenarios that fit the selected board. */
public class ConnectDeviceHandler extends DeviceHandler {

	@Override
	protected boolean fits(Device device) {
		return DeviceCapabilities.canConnect(device);
	}

	@Override
	protected void execute(Device device, Shell shell) {
		new ConnectDeviceDialog(shell, device).open();
	}
}
