/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.serial.ISerialPortService;

/** The service as the product wires it: a DS component in a real OSGi framework. */
class DeclarativeServicesTest {

	@Test
	void theSerialPortServiceIsRegisteredAndListsPorts() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(SerialPortService.class).getBundleContext();
		ServiceTracker<ISerialPortService, ISerialPortService> tracker = new ServiceTracker<>(context,
				ISerialPortService.class, null);
		tracker.open();
		try {
			ISerialPortService service = tracker.waitForService(10_000);
			assertNotNull(service, "the serial port service is registered");
			assertInstanceOf(SerialPortService.class, service);
			assertNotNull(service.listPorts());
		} finally {
			tracker.close();
		}
	}
}
