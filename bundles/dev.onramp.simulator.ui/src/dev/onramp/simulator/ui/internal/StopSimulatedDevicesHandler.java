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
import org.eclipse.ui.PlatformUI;

/** "Stop Simulated Devices": stops every simulated board in a {@link SimulatorJob}; enabled while any runs. */
public class StopSimulatedDevicesHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		SimulatedDevices devices = PlatformUI.getWorkbench().getService(SimulatedDevices.class);
		if (devices != null) {
			SimulatorJob.stopAll(devices).schedule();
		}
		return null;
	}
}
