/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.ui.PlatformUI;

/** {@code dev.onramp.simulator.ui.running}: whether any simulated board runs (enables "Stop Simulated Devices"). */
public class SimulatorPropertyTester extends PropertyTester {

	static final String NAMESPACE = "dev.onramp.simulator.ui"; //$NON-NLS-1$
	static final String PROPERTY_RUNNING = "running"; //$NON-NLS-1$
	/** The property's full name, as {@code IEvaluationService.requestEvaluation} takes it. */
	public static final String RUNNING = NAMESPACE + '.' + PROPERTY_RUNNING;

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		if (!PROPERTY_RUNNING.equals(property) || !PlatformUI.isWorkbenchRunning()) {
			return false;
		}
		SimulatedDevices devices = PlatformUI.getWorkbench().getService(SimulatedDevices.class);
		boolean running = devices != null && devices.isRunning();
		return expectedValue == null ? running : expectedValue.equals(Boolean.valueOf(running));
	}
}
