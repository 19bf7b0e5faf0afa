/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import static dev.onramp.discovery.tests.FakeMdnsMonitor.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.certs.ICertificateInventory;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.discovery.internal.DeviceRegistry;

/** Devices Onramp blessed are in the registry from the certificate inventory, and merge with what mDNS sees. */
class DeviceRegistryInventoryTest {

	private static final DeviceId HOST = DeviceId.ofHostname("pydirect-e5f6");

	private final FakeMdnsMonitor mdns = new FakeMdnsMonitor();
	private final List<InventoryEntry> entries = new CopyOnWriteArrayList<>();
	private final ICertificateInventory inventory = new ICertificateInventory() {
		@Override
		public List<InventoryEntry> entries() {
			return List.copyOf(entries);
		}

		@Override
		public List<InventoryEntry> expiringWithin(int days) {
			return List.of();
		}
	};
	private DeviceRegistry registry;

	@BeforeEach
	void setUp() {
		entries.add(entry("pydirect-e5f6.local", "01", Instant.parse("2027-01-01T00:00:00Z")));
		entries.add(entry("lab-sensor", "02", Instant.parse("2027-02-01T00:00:00Z")));
		registry = new DeviceRegistry(mdns);
		registry.setCertificateInventory(inventory);
	}

	@AfterEach
	void tearDown() {
		registry.deactivate();
	}

	private static InventoryEntry entry(String hostname, String serial, Instant notAfter) {
		return new InventoryEntry(hostname, serial, "ab".repeat(32), KeyType.EC_P256, TrustMode.CA,
				notAfter.minusSeconds(397L * 24 * 3600), notAfter);
	}

	private Optional<Device> device(DeviceId id) {
		return registry.device(id);
	}

	@Test
	void blessedDevicesAreKnownOfflineWithTheirHttpsAddress() {
		Conditions.waitUntil(Duration.ofSeconds(5), () -> registry.devices().size() == 2,
				() -> "inventory devices in " + registry.devices()); //$NON-NLS-1$
		Device device = device(HOST).orElseThrow();
		assertEquals(DeviceKind.PYDIRECT, device.kind());
		assertEquals(DeviceState.OFFLINE, device.state());
		assertEquals("https://pydirect-e5f6.local/", device.endpoint(EndpointKind.WEB).orElseThrow().address());
		assertEquals(DeviceKind.NETWORK, device(DeviceId.ofHostname("lab-sensor")).orElseThrow().kind());
	}

	@Test
	void anAnnouncementOfTheSameHostMergesIntoOneOnlineDevice() throws Exception {
		Conditions.waitUntil(Duration.ofSeconds(5), () -> device(HOST).isPresent(), () -> "inventory read"); //$NON-NLS-1$
		mdns.announce(service("pyDirect e5f6", "_https._tcp", "pydirect-e5f6", InetAddress.getLoopbackAddress(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				8443, Map.of("mac", "a1:b2:c3:d4:e5:f6"))); //$NON-NLS-1$ //$NON-NLS-2$
		Conditions.waitUntil(Duration.ofSeconds(5),
				() -> registry.devices().stream().anyMatch(d -> d.state() == DeviceState.ONLINE),
				() -> "online in " + registry.devices()); //$NON-NLS-1$
		assertEquals(2, registry.devices().size(), "merged, not added: " + registry.devices());
		Device online = device(HOST).orElseThrow();
		assertEquals(DeviceState.ONLINE, online.state());
		assertTrue(online.endpoints().stream().anyMatch(e -> e.address().equals("https://pydirect-e5f6.local:8443/")),
				online.endpoints().toString());
	}

	@Test
	void aNewBlessingAppearsAfterARefresh() {
		Conditions.waitUntil(Duration.ofSeconds(5), () -> registry.devices().size() == 2, () -> "first read"); //$NON-NLS-1$
		entries.add(entry("pydirect-0a0b", "03", Instant.parse("2027-03-01T00:00:00Z")));
		registry.refreshInventory();
		Conditions.waitUntil(Duration.ofSeconds(5), () -> device(DeviceId.ofHostname("pydirect-0a0b")).isPresent(),
				() -> "refreshed: " + registry.devices()); //$NON-NLS-1$
	}

	@Test
	void withoutTheInventoryItsDevicesGo() {
		Conditions.waitUntil(Duration.ofSeconds(5), () -> registry.devices().size() == 2, () -> "first read"); //$NON-NLS-1$
		registry.unsetCertificateInventory(inventory);
		assertTrue(registry.devices().isEmpty(), registry.devices().toString());
	}
}
