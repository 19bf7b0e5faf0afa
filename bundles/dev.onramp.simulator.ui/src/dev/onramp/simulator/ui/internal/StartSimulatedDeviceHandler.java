/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * "Start a Simulated Device…": the dialog to pick a board; the board starts in a {@link SimulatorJob}. Returns as soon
 * as the dialog is open.
 */
public class StartSimulatedDeviceHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		SimulatedDevices devices = PlatformUI.getWorkbench().getService(SimulatedDevices.class);
		if (devices == null) {
			MessageDialog.openError(shell, Messages.StartDialog_title, Messages.Handler_notRunning);
			return null;
		}
		StartSimulatedDeviceDialog dialog = new StartSimulatedDeviceDialog(shell, DemoValues.generate(),
				(board, values) -> SimulatorJob.start(devices, board, values).schedule());
		dialog.setBlockOnOpen(false);
		dialog.open();
		return null;
	}
}
