/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.onramp.core.Device;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;

/**
 * A handler of a command on the selected device: whatever the selected row is, it works on what
 * {@code Adapters.adapt(row, Device.class)} gives. Its enablement is declared in plugin.xml over the property
 * testers; {@link #fits} checks again, for a command run by its key binding while the selection changes.
 */
abstract class DeviceHandler extends AbstractHandler {

	@Override
	public final Object execute(ExecutionEvent event) throws ExecutionException {
		Device device = DeviceCapabilities.device(HandlerUtil.getCurrentStructuredSelection(event).getFirstElement());
		if (device != null && fits(device)) {
			execute(device, HandlerUtil.getActiveShell(event));
		}
		return null;
	}

	protected abstract boolean fits(Device device);

	/** Runs on the UI thread and returns at once: dialogs do not block, the work runs in Jobs. */
	protected abstract void execute(Device device, Shell shell);
}
