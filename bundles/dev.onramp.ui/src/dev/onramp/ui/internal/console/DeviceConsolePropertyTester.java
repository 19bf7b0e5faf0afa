/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.runtime.Adapters;

import dev.onramp.core.Device;

/**
 * {@code dev.onramp.ui.console.hasSerialPort}: whether the element is (or adapts to) a device with a serial
 * endpoint, whose console can monitor its port. Tests any element, so it works whatever rows the explorer shows.
 */
public final class DeviceConsolePropertyTester extends PropertyTester {

	static final String HAS_SERIAL_PORT = "hasSerialPort"; //$NON-NLS-1$

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		Device device = Adapters.adapt(receiver, Device.class);
		if (device == null || !HAS_SERIAL_PORT.equals(property)) {
			return false;
		}
		boolean has = DeviceKeys.serialPort(device).isPresent();
		return expectedValue instanceof Boolean expected ? has == expected.booleanValue() : has;
	}
}
