/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.discovery.IDiscoveryService;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.discovery.internal.DiscoveryService;

/**
 * The components as the product wires them. The test runtime sets {@code dev.onramp.discovery.interfaces=lo}, so
 * the registry's browsing stays on loopback.
 */
class DeclarativeServicesTest {

	private static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(DiscoveryService.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		try {
			return tracker.waitForService(10_000);
		} finally {
			tracker.close();
		}
	}

	@Test
	void theDiscoveryServiceAndTheRegistryAreRegistered() throws InterruptedException {
		assertNotNull(service(IDiscoveryService.class), "IDiscoveryService component");
		IDeviceRegistry registry = service(IDeviceRegistry.class);
		assertNotNull(registry, "IDeviceRegistry component");
		assertNotNull(registry.devices());
	}
}
