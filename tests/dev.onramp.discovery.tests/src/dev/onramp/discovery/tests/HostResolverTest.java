/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.MacAddress;
import dev.onramp.core.discovery.IHostResolver;
import dev.onramp.discovery.internal.DiscoveryService;
import dev.onramp.simulator.mdns.SimulatedMdnsAnnouncer;

/**
 * The {@link IHostResolver} other bundles use (the certificate check, for {@code .local} names the system resolver
 * does not know) is the discovery component, and answers for a name announced over real mDNS on loopback. The test
 * runtime sets {@code dev.onramp.discovery.interfaces=lo}, so its queries stay on loopback.
 */
class HostResolverTest {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
	private static final MacAddress MAC = MacAddress.parse("02:00:00:00:be:ef"); //$NON-NLS-1$
	/** An upper bound only: JmDNS probes a new host name for about 3 s before it answers for it. */
	private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(20);

	private static IHostResolver registeredResolver() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(DiscoveryService.class).getBundleContext();
		ServiceTracker<IHostResolver, IHostResolver> tracker = new ServiceTracker<>(context, IHostResolver.class, null);
		tracker.open();
		try {
			return tracker.waitForService(10_000);
		} finally {
			tracker.close();
		}
	}

	@Test
	void theRegisteredResolverAnswersForANameAnnouncedOnLoopback() throws Exception {
		LoopbackMulticast.assumeAvailable();
		IHostResolver resolver = registeredResolver();
		assertNotNull(resolver, "IHostResolver component"); //$NON-NLS-1$
		assertInstanceOf(DiscoveryService.class, resolver);
		try (SimulatedMdnsAnnouncer board = SimulatedMdnsAnnouncer.pyDirect(LOOPBACK, MAC, 8443)) {
			assertEquals("pydirect-beef", board.hostname()); //$NON-NLS-1$
			List<InetAddress> addresses = resolver.resolve("pydirect-beef.local", ANSWERED_WITHIN); //$NON-NLS-1$
			assertEquals(List.of(LOOPBACK), addresses);
		}
	}
}
