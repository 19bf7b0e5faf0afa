/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import java.util.Map;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.AbstractSourceProvider;
import org.eclipse.ui.ISources;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.services.IServiceLocator;

/**
 * The variable {@code dev.onramp.simulator.ui.running}: whether any simulated board runs. "Stop Simulated Devices" is
 * enabled while it is {@code true}; it changes as boards start and stop, whichever thread starts or stops them.
 */
public class SimulatorSourceProvider extends AbstractSourceProvider {

	/** The variable's name, as handlers' {@code enabledWhen} expressions use it. */
	public static final String RUNNING = "dev.onramp.simulator.ui.running"; //$NON-NLS-1$

	private final Runnable listener = this::changed;
	private SimulatedDevices devices;
	private boolean running;

	@Override
	public void initialize(IServiceLocator locator) {
		super.initialize(locator);
		devices = locator.getService(SimulatedDevices.class);
		if (devices != null) {
			devices.addChangeListener(listener);
			running = devices.isRunning();
		}
	}

	@Override
	public Map<String, Object> getCurrentState() {
		return Map.of(RUNNING, Boolean.valueOf(running));
	}

	@Override
	public String[] getProvidedSourceNames() {
		return new String[] { RUNNING };
	}

	/** Called on the thread that started or stopped a board: the workbench hears of it on the UI thread. */
	private void changed() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		Display display = PlatformUI.getWorkbench().getDisplay();
		if (display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			SimulatedDevices current = devices;
			boolean now = current != null && current.isRunning();
			if (now != running) {
				running = now;
				fireSourceChanged(ISources.WORKBENCH, RUNNING, Boolean.valueOf(now));
			}
		});
	}

	@Override
	public void dispose() {
		if (devices != null) {
			devices.removeChangeListener(listener);
		}
	}
}
