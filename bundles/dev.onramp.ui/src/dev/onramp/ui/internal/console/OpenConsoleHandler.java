/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.onramp.core.Device;

/**
 * Open Console: shows the selected board's console in the Console view, knowing its serial port, so that
 * "Monitor serial port" there can read it. Opening touches no port: the user turns monitoring on.
 */
public final class OpenConsoleHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		if (!(selection instanceof IStructuredSelection structured)) {
			return null;
		}
		DeviceConsoles consoles = PlatformUI.getWorkbench().getService(DeviceConsoles.class);
		if (consoles == null) {
			throw new ExecutionException(Messages.OpenConsole_noService);
		}
		for (Object element : structured) {
			Device device = Adapters.adapt(element, Device.class);
			if (device != null) {
				DeviceConsole console = consoles.console(DeviceKeys.key(device), DeviceKeys.title(device),
						DeviceKeys.serialPort(device).orElse(null));
				console.reveal();
			}
		}
		return null;
	}
}
