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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.FailureReason;
import dev.onramp.core.MacAddress;
import dev.onramp.core.OnrampException;
import dev.onramp.core.UsbIdentity;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.core.registry.IDeviceRegistryListener;
import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;
import dev.onramp.discovery.internal.DeviceRegistry;

/** The registry's merge rules, events and {@code awaitOnline}, with fake sources (and real loopback sockets). */
class DeviceRegistryTest {

	private static final MacAddress MAC = MacAddress.parse("a1:b2:c3:d4:e5:f6");
	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
	private static final SerialPortInfo ACM0 = new SerialPortInfo("/dev/ttyACM0", "", "USB JTAG/serial debug unit",
			Optional.of(new UsbIdentity(0x303A, 0x1001, "A1B2C3", "Espressif", "USB JTAG/serial debug unit")),
			PortAccess.AVAILABLE);
	private static final SerialPortInfo USB1 = new SerialPortInfo("/dev/ttyUSB1", "", "CP2102",
			Optional.of(new UsbIdentity(0x10C4, 0xEA60, "0001", "Silicon Labs", "CP2102")), PortAccess.AVAILABLE);

	private final FakeMdnsMonitor mdns = new FakeMdnsMonitor();
	private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
	private DeviceRegistry registry;

	@BeforeEach
	void setUp() {
		registry = new DeviceRegistry(mdns);
		registry.addListener(new IDeviceRegistryListener() {
			@Override
			public void deviceAdded(Device device) {
				events.add("added " + device.id()); //$NON-NLS-1$
			}

			@Override
			public void deviceChanged(Device previous, Device current) {
				events.add("changed " + current.id() + " " + current.state()); //$NON-NLS-1$ //$NON-NLS-2$
			}

			@Override
			public void deviceRemoved(Device device) {
				events.add("removed " + device.id()); //$NON-NLS-1$
			}
		});
	}

	@AfterEach
	void tearDown() {
		registry.deactivate();
	}

	private static DiscoveredService pyDirectHttps(int port, boolean withMac) {
		return service("pyDirect e5f6", "_https._tcp", "pydirect-e5f6", LOOPBACK, port, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				withMac ? Map.of("mac", MAC.toString()) : Map.of()); //$NON-NLS-1$
	}

	private String nextEvent() throws InterruptedException {
		String event = events.poll(5, TimeUnit.SECONDS);
		return event == null ? "<no event within 5 s>" : event; //$NON-NLS-1$
	}

	@Test
	void serialPortMdnsRecordsAndARegisteredEndpointMergeIntoOneDeviceKeyedByMac() {
		registry.setSerialPortService(new FakeSerialPorts(ACM0));
		Conditions.waitUntil(Duration.ofSeconds(5), () -> registry.devices().size() == 1, () -> "serial port listed");
		mdns.announce(pyDirectHttps(8443, true));
		// identifying the board on its port (onramp info) tells the registry which MAC sits behind it
		registry.register(Device.builder(DeviceKind.PYDIRECT).mac(MAC).endpoint(EndpointKind.SERIAL, "/dev/ttyACM0") //$NON-NLS-1$
				.endpoint(EndpointKind.PROVISIONING_HTTP, "192.168.4.1:80").build()); //$NON-NLS-1$

		List<Device> devices = registry.devices();
		assertEquals(1, devices.size(), devices.toString());
		Device device = devices.get(0);
		assertEquals(DeviceId.of(MAC), device.id());
		assertEquals(Optional.of("pydirect-e5f6"), device.hostname()); //$NON-NLS-1$
		assertEquals(DeviceKind.PYDIRECT, device.kind());
		assertEquals(DeviceState.ONLINE, device.state());
		assertEquals("303A:1001", device.usb().orElseThrow().vidPid()); //$NON-NLS-1$
		assertTrue(device.endpoints().contains(new Endpoint(EndpointKind.SERIAL, "/dev/ttyACM0")), device.toString()); //$NON-NLS-1$
		assertTrue(device.endpoints().contains(new Endpoint(EndpointKind.WEB, "https://pydirect-e5f6.local:8443/")), //$NON-NLS-1$
				device.toString());
		assertTrue(device.endpoints().contains(new Endpoint(EndpointKind.PROVISIONING_HTTP, "192.168.4.1:80")), //$NON-NLS-1$
				device.toString());
		assertEquals(device, registry.device(DeviceId.ofHostname("pydirect-e5f6.local")).orElseThrow()); //$NON-NLS-1$
	}

	@Test
	void theServicesOfOneHostAreOneDevice() {
		mdns.announce(pyDirectHttps(443, false));
		mdns.announce(service("pyDirect e5f6", "_webrepl._tcp", "pydirect-e5f6", LOOPBACK, 8266, Map.of())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		mdns.announce(service("pyDirect e5f6", "_http._tcp", "pydirect-e5f6", LOOPBACK, 80, Map.of())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		List<Device> devices = registry.devices();
		assertEquals(1, devices.size(), devices.toString());
		Device device = devices.get(0);
		assertEquals(DeviceId.ofHostname("pydirect-e5f6"), device.id()); //$NON-NLS-1$
		assertEquals("https://pydirect-e5f6.local/", device.endpoint(EndpointKind.WEB).orElseThrow().address()); //$NON-NLS-1$
		assertTrue(device.endpoints().contains(new Endpoint(EndpointKind.WEB, "http://pydirect-e5f6.local/"))); //$NON-NLS-1$
		assertEquals(3, device.endpoints().stream().filter(e -> e.kind() == EndpointKind.MDNS_SERVICE).count());
	}

	@Test
	void aRegisteredSoftApEndpointMergesWithMdnsByHostname() {
		registry.register(Device.builder(DeviceKind.ESP_IDF_PROVISIONING).hostname("pydirect-e5f6") //$NON-NLS-1$
				.endpoint(EndpointKind.PROVISIONING_HTTP, "192.168.4.1:80").state(DeviceState.CONNECTING).build()); //$NON-NLS-1$
		assertEquals(DeviceState.CONNECTING, registry.devices().get(0).state());

		mdns.announce(pyDirectHttps(443, true));

		List<Device> devices = registry.devices();
		assertEquals(1, devices.size(), devices.toString());
		assertEquals(DeviceState.ONLINE, devices.get(0).state());
		assertEquals(Optional.of(MAC), devices.get(0).mac());
	}

	@Test
	void anUnregisteredEndpointLeavesButWhatMdnsKnowsStays() {
		Device endpoint = registry.register(Device.builder(DeviceKind.ESP_IDF_PROVISIONING)
				.endpoint(EndpointKind.PROVISIONING_HTTP, "127.0.0.1:8089").build()); //$NON-NLS-1$
		mdns.announce(pyDirectHttps(443, true));
		assertEquals(2, registry.devices().size(), registry.devices().toString());

		assertTrue(registry.unregister(endpoint.id()));
		List<Device> devices = registry.devices();
		assertEquals(1, devices.size(), devices.toString());
		assertEquals(Optional.of(MAC), devices.get(0).mac(), "the announced device stays");
		assertFalse(registry.unregister(endpoint.id()), "already forgotten");
	}

	@Test
	void twoMacAddressesAreTwoDevicesEvenUnderOneHostname() {
		registry.register(Device.builder(DeviceKind.PYDIRECT).mac(MacAddress.parse("00:11:22:33:44:55")) //$NON-NLS-1$
				.hostname("pydirect-e5f6").build()); //$NON-NLS-1$
		mdns.announce(pyDirectHttps(443, true));
		assertEquals(2, registry.devices().size(), registry.devices().toString());
	}

	@Test
	void anUnrelatedSerialPortStaysASeparateDetectedDeviceAndLeavesWhenUnplugged() throws InterruptedException {
		FakeSerialPorts ports = new FakeSerialPorts();
		registry.setSerialPortService(ports);
		mdns.announce(pyDirectHttps(443, true));
		assertEquals("added mac:" + MAC, nextEvent()); //$NON-NLS-1$
		ports.plug(USB1);
		assertEquals("added endpoint:SERIAL:/dev/ttyUSB1", nextEvent()); //$NON-NLS-1$
		assertEquals(2, registry.devices().size());
		Device serial = registry.device(DeviceId.of(new Endpoint(EndpointKind.SERIAL, "/dev/ttyUSB1"))).orElseThrow(); //$NON-NLS-1$
		assertEquals(DeviceState.DETECTED, serial.state());
		ports.unplug(USB1);
		assertEquals("removed endpoint:SERIAL:/dev/ttyUSB1", nextEvent()); //$NON-NLS-1$
		assertEquals(1, registry.devices().size());
	}

	@Test
	void aDeviceKnownOnlyThroughMdnsIsRemovedWhenItsRecordsGo() throws InterruptedException {
		DiscoveredService https = pyDirectHttps(443, true);
		DiscoveredService webrepl = service("pyDirect e5f6", "_webrepl._tcp", "pydirect-e5f6", LOOPBACK, 8266, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Map.of());
		mdns.announce(https);
		mdns.announce(webrepl);
		assertEquals("added mac:" + MAC, nextEvent()); //$NON-NLS-1$
		assertEquals("changed mac:" + MAC + " ONLINE", nextEvent()); //$NON-NLS-1$ //$NON-NLS-2$
		mdns.goodbye(webrepl);
		assertEquals("changed mac:" + MAC + " ONLINE", nextEvent(), "one service gone, the device is still there"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		mdns.goodbye(https);
		assertEquals("removed mac:" + MAC, nextEvent()); //$NON-NLS-1$
		assertTrue(registry.devices().isEmpty());
	}

	@Test
	void aRegisteredDeviceTurnsOfflineWhenItsRecordsGo() throws InterruptedException {
		registry.register(Device.builder(DeviceKind.PYDIRECT).mac(MAC).build());
		assertEquals("added mac:" + MAC, nextEvent()); //$NON-NLS-1$
		mdns.announce(pyDirectHttps(443, true));
		assertEquals("changed mac:" + MAC + " ONLINE", nextEvent()); //$NON-NLS-1$ //$NON-NLS-2$
		mdns.goodbye(pyDirectHttps(443, true));
		assertEquals("changed mac:" + MAC + " OFFLINE", nextEvent()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(DeviceState.OFFLINE, registry.device(DeviceId.of(MAC)).orElseThrow().state());
	}

	@Test
	void awaitOnlineReturnsWhenTheDeviceIsAnnouncedDuringTheWait() throws Exception {
		CompletableFuture<Device> online = CompletableFuture.supplyAsync(() -> {
			try {
				return registry.awaitOnline(DeviceId.of(MAC), Duration.ofSeconds(10), null);
			} catch (OnrampException e) {
				throw new IllegalStateException(e);
			}
		});
		assertTrue(!online.isDone());
		mdns.announce(pyDirectHttps(443, true));
		Device device = online.get(5, TimeUnit.SECONDS);
		assertEquals(DeviceState.ONLINE, device.state());
		assertEquals(Optional.of("pydirect-e5f6"), device.hostname()); //$NON-NLS-1$
	}

	@Test
	void awaitOnlineFallsBackToTheDevicesKnownIpAddress() throws Exception {
		try (ServerSocket web = new ServerSocket(0, 10, LOOPBACK)) {
			// the address the device reported before its reset; mDNS never shows it
			registry.register(Device.builder(DeviceKind.PYDIRECT).mac(MAC).state(DeviceState.CONNECTING)
					.endpoint(EndpointKind.WEB, "https://127.0.0.1:" + web.getLocalPort() + "/").build()); //$NON-NLS-1$ //$NON-NLS-2$
			long start = System.nanoTime();
			Device device = registry.awaitOnline(DeviceId.of(MAC), Duration.ofSeconds(10), null);
			assertEquals(DeviceState.ONLINE, device.state());
			assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
			assertEquals(DeviceState.ONLINE, registry.device(DeviceId.of(MAC)).orElseThrow().state());
		}
	}

	@Test
	void awaitOnlineAfterAResetDoesNotTrustAnEarlierProbe() throws Exception {
		try (ServerSocket web = new ServerSocket(0, 10, LOOPBACK)) {
			registry.register(Device.builder(DeviceKind.PYDIRECT).mac(MAC)
					.endpoint(EndpointKind.WEB, "http://127.0.0.1:" + web.getLocalPort() + "/").build()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(DeviceState.ONLINE, registry.awaitOnline(DeviceId.of(MAC), Duration.ofSeconds(5), null).state());
		}
		// the board resets: its web server is gone until it is back
		registry.register(Device.builder(DeviceKind.PYDIRECT).mac(MAC).state(DeviceState.CONNECTING).build());
		assertEquals(DeviceState.CONNECTING, registry.device(DeviceId.of(MAC)).orElseThrow().state());
		OnrampException failure = assertThrows(OnrampException.class,
				() -> registry.awaitOnline(DeviceId.of(MAC), Duration.ofMillis(700), null));
		assertEquals(FailureReason.TIMEOUT, failure.reason());
	}

	@Test
	void awaitOnlineUsesTheAddressAnMdnsRecordHadBeforeItsGoodbye() throws Exception {
		try (ServerSocket web = new ServerSocket(0, 10, LOOPBACK)) {
			mdns.announce(pyDirectHttps(web.getLocalPort(), true));
			mdns.goodbye(pyDirectHttps(web.getLocalPort(), true));
			assertTrue(registry.devices().isEmpty());
			Device device = registry.awaitOnline(DeviceId.ofHostname("pydirect-e5f6"), Duration.ofSeconds(10), null); //$NON-NLS-1$
			assertEquals(DeviceState.ONLINE, device.state());
			assertEquals(1, registry.devices().size());
		}
	}

	@Test
	void awaitOnlineTimesOutWithinItsBoundAndSuggestsTheIpAddress() throws IOException {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
			closedPort = probe.getLocalPort();
		}
		registry.register(Device.builder(DeviceKind.PYDIRECT).mac(MAC)
				.endpoint(EndpointKind.WEB, "http://127.0.0.1:" + closedPort + "/").build()); //$NON-NLS-1$ //$NON-NLS-2$
		long start = System.nanoTime();
		OnrampException failure = assertThrows(OnrampException.class,
				() -> registry.awaitOnline(DeviceId.of(MAC), Duration.ofMillis(1500), null));
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertEquals(FailureReason.TIMEOUT, failure.reason());
		assertEquals(7, failure.reason().exitCode());
		assertTrue(elapsedMillis >= 1400 && elapsedMillis < 3000, elapsedMillis + " ms"); //$NON-NLS-1$
		assertTrue(failure.hint().orElseThrow().contains("127.0.0.1:" + closedPort), failure.userText()); //$NON-NLS-1$
		assertNotEquals(DeviceState.ONLINE, registry.device(DeviceId.of(MAC)).orElseThrow().state());
	}

	@Test
	void awaitOnlineForAnUnknownDeviceTimesOutWithAnActionableMessage() {
		OnrampException failure = assertThrows(OnrampException.class,
				() -> registry.awaitOnline(DeviceId.ofHostname("pydirect-0000"), Duration.ofMillis(300), null)); //$NON-NLS-1$
		assertEquals(FailureReason.TIMEOUT, failure.reason());
		assertTrue(failure.getMessage().contains("pydirect-0000"), failure.getMessage()); //$NON-NLS-1$
		assertTrue(failure.hint().orElseThrow().contains("IP address"), failure.userText()); //$NON-NLS-1$
	}
}
