/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.DeviceState;
import dev.onramp.core.FailureReason;
import dev.onramp.core.MacAddress;
import dev.onramp.core.OnrampException;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.core.registry.IDeviceRegistryListener;
import dev.onramp.discovery.internal.DeviceRegistry;
import dev.onramp.discovery.internal.DiscoveryService;
import dev.onramp.discovery.internal.IMdnsListener;
import dev.onramp.discovery.internal.InterfaceSelection;
import dev.onramp.discovery.internal.NetworkInterfaceInfo;
import dev.onramp.simulator.mdns.SimulatedMdnsAnnouncer;

/**
 * Real multicast DNS between JmDNS instances in this process, on loopback only: a simulated pyDirect board
 * announces itself, the discovery service and the registry find it. Every JmDNS instance is bound to 127.0.0.1.
 */
class LoopbackMdnsTest {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
	private static final MacAddress MAC = MacAddress.parse("02:00:00:00:e5:f6");
	private static final Duration ANNOUNCED_WITHIN = Duration.ofSeconds(20);

	private static DiscoveryService discovery;
	private static SimulatedMdnsAnnouncer board;

	@BeforeAll
	static void announceABoard() throws Exception {
		LoopbackMulticast.assumeAvailable();
		discovery = new DiscoveryService(InterfaceSelection.only("lo")); //$NON-NLS-1$
		CountDownLatch seen = new CountDownLatch(1);
		IMdnsListener listener = new IMdnsListener() {
			@Override
			public void serviceResolved(DiscoveredService service) {
				if (service.hostname().equals(MAC.pyDirectHostname()) && !service.addresses().isEmpty()) {
					seen.countDown();
				}
			}

			@Override
			public void serviceRemoved(DiscoveredService service) {
				// not needed here
			}
		};
		discovery.addListener(listener);
		board = SimulatedMdnsAnnouncer.pyDirect(LOOPBACK, MAC, 8443);
		// JmDNS probes the new host name for about 3 s before it announces
		assertTrue(seen.await(ANNOUNCED_WITHIN.toSeconds(), TimeUnit.SECONDS), "the simulated board was announced");
		discovery.removeListener(listener);
	}

	@AfterAll
	static void tearDown() {
		if (board != null) {
			board.close();
		}
		if (discovery != null) {
			discovery.deactivate();
		}
	}

	@Test
	void browsingFindsTheAnnouncedBoardWithHostAddressPortAndTxt() throws OnrampException {
		List<DiscoveredService> services = discovery.browse(Duration.ofSeconds(2), Set.of("lo"), //$NON-NLS-1$
				new NullProgressMonitor());
		DiscoveredService service = services.stream().filter(s -> s.hostname().equals("pydirect-e5f6")).findFirst() //$NON-NLS-1$
				.orElseThrow(() -> new AssertionError("not found in " + services)); //$NON-NLS-1$
		assertEquals("_https._tcp", service.serviceType()); //$NON-NLS-1$
		assertEquals("pyDirect e5f6", service.instanceName()); //$NON-NLS-1$
		assertEquals(8443, service.port());
		assertTrue(service.addresses().contains(LOOPBACK), service.addresses().toString());
		assertEquals(MAC.toString(), service.txt().get("mac")); //$NON-NLS-1$
		assertEquals("lo", service.interfaceName()); //$NON-NLS-1$
	}

	@Test
	void aLocalNameResolvesOverTheNetworkAndAnUnknownOneTimesOutWithinTheBound() throws OnrampException {
		// a fresh service has no browsing cache: this is a real query on loopback
		DiscoveryService fresh = new DiscoveryService(InterfaceSelection.only("lo")); //$NON-NLS-1$
		try {
			long start = System.nanoTime();
			List<InetAddress> addresses = fresh.resolve("pydirect-e5f6.local", Duration.ofSeconds(5)); //$NON-NLS-1$
			assertEquals(List.of(LOOPBACK), addresses);
			assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));

			start = System.nanoTime();
			OnrampException failure = assertThrows(OnrampException.class,
					() -> fresh.resolve("pydirect-0000", Duration.ofMillis(1500))); //$NON-NLS-1$
			long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertEquals(FailureReason.TIMEOUT, failure.reason());
			assertTrue(elapsedMillis >= 1400 && elapsedMillis < 2500, elapsedMillis + " ms"); //$NON-NLS-1$
			assertTrue(failure.getMessage().contains("pydirect-0000.local"), failure.getMessage()); //$NON-NLS-1$
		} finally {
			fresh.deactivate();
		}
	}

	@Test
	void theRegistryWaitsForABoardThatAnnouncesLaterAndRemovesItAfterItsGoodbye() throws Exception {
		MacAddress mac = MacAddress.parse("02:00:00:00:c0:ff");
		DeviceRegistry registry = new DeviceRegistry(discovery);
		CountDownLatch removed = new CountDownLatch(1);
		registry.addListener(new IDeviceRegistryListener() {
			@Override
			public void deviceAdded(Device device) {
				// waited for through awaitOnline
			}

			@Override
			public void deviceChanged(Device previous, Device current) {
				// not needed here
			}

			@Override
			public void deviceRemoved(Device device) {
				if (device.mac().equals(Optional.of(mac))) {
					removed.countDown();
				}
			}
		});
		try {
			CompletableFuture<Device> online = CompletableFuture.supplyAsync(() -> {
				try {
					return registry.awaitOnline(DeviceId.of(mac), ANNOUNCED_WITHIN, null);
				} catch (OnrampException e) {
					throw new IllegalStateException(e);
				}
			});
			SimulatedMdnsAnnouncer later = SimulatedMdnsAnnouncer.pyDirect(LOOPBACK, mac, 9443);
			Device device;
			try {
				device = online.get(ANNOUNCED_WITHIN.toSeconds() + 5, TimeUnit.SECONDS);
				assertEquals(DeviceState.ONLINE, device.state());
				assertEquals("pydirect-c0ff", device.hostname().orElseThrow()); //$NON-NLS-1$
			} finally {
				later.close(); // goodbye
			}
			// JmDNS expires goodbye records after 1 s and reaps its cache every 10 s
			assertTrue(removed.await(20, TimeUnit.SECONDS), "removed after the goodbye");
			assertTrue(registry.device(DeviceId.of(mac)).isEmpty());
		} finally {
			registry.deactivate();
		}
	}

	@Test
	void changingTheInterfacePreferencesMovesTheRunningBrowsing() throws Exception {
		Map<String, String> settings = new ConcurrentHashMap<>(Map.of(InterfaceSelection.PREF_INCLUDE, "lo")); //$NON-NLS-1$
		DiscoveryService service = new DiscoveryService(
				new InterfaceSelection(NetworkInterfaceInfo::systemInterfaces, settings::get));
		service.activate();
		IMdnsListener ignore = new IMdnsListener() {
			@Override
			public void serviceResolved(DiscoveredService s) {
				// not needed here
			}

			@Override
			public void serviceRemoved(DiscoveredService s) {
				// not needed here
			}
		};
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(InterfaceSelection.PREFERENCES_QUALIFIER);
		try {
			service.addListener(ignore);
			assertEquals(List.of("lo"), service.interfaceNames()); //$NON-NLS-1$
			settings.put(InterfaceSelection.PREF_INCLUDE, "no-such-interface*"); //$NON-NLS-1$
			preferences.put(InterfaceSelection.PREF_INCLUDE, "no-such-interface*"); //$NON-NLS-1$
			Conditions.waitUntil(Duration.ofSeconds(5), () -> service.interfaceNames().isEmpty(),
					() -> "browsing still on " + service.interfaceNames()); //$NON-NLS-1$
		} finally {
			preferences.remove(InterfaceSelection.PREF_INCLUDE);
			service.deactivate();
		}
	}

	@Test
	void awaitOnlineTimesOutWithinTheBoundOnRealMdns() {
		DeviceRegistry registry = new DeviceRegistry(discovery);
		try {
			long start = System.nanoTime();
			OnrampException failure = assertThrows(OnrampException.class,
					() -> registry.awaitOnline(DeviceId.ofHostname("pydirect-dead"), Duration.ofSeconds(1), null)); //$NON-NLS-1$
			long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertEquals(FailureReason.TIMEOUT, failure.reason());
			assertTrue(elapsedMillis < 2000, elapsedMillis + " ms"); //$NON-NLS-1$
			assertTrue(failure.getMessage().contains("watching mDNS on lo"), failure.getMessage()); //$NON-NLS-1$
		} finally {
			registry.deactivate();
		}
	}
}
