/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.provisioning.internal.ble.BleTransport;
import dev.onramp.provisioning.tests.bluez.BlueZStandIn;
import dev.onramp.provisioning.tests.bluez.BlueZStandIn.Fault;
import dev.onramp.provisioning.tests.bluez.PrivateBus;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.ProtocommFirmware;
import dev.onramp.simulator.protocomm.ProtocommGattService;

/**
 * Protocomm over BLE, through the real D-Bus protocol to a BlueZ stand-in on a private dbus-daemon, backed by the same
 * simulated firmware as the SoftAP tests: the whole flow, each failure users meet, and a disconnect on every path.
 */
class BleProvisioningTest {

	static final String NAME = "PROV_d76c30";

	@TempDir
	Path folder;

	private PrivateBus bus;
	private BlueZStandIn bluez;
	private ProtocommGattService gatt;
	private final ProtocommProvisioner provisioner = new ProtocommProvisioner();

	@BeforeEach
	void startBus() throws Exception {
		bus = PrivateBus.start(folder);
		System.setProperty(BleTransport.BUS_PROPERTY, bus.address());
	}

	@AfterEach
	void stopBus() {
		System.clearProperty(BleTransport.BUS_PROPERTY);
		if (bluez != null) {
			bluez.close();
		}
		bus.close();
	}

	private BlueZStandIn standIn(ProtocommDeviceConfig.Builder config, Fault... faults) throws Exception {
		gatt = new ProtocommGattService(new ProtocommFirmware(config.build()));
		bluez = new BlueZStandIn(bus.address(), NAME, gatt);
		for (Fault fault : faults) {
			bluez.with(fault);
		}
		return bluez;
	}

	static ProvisioningTarget target(String pop, Duration timeout) {
		return new ProvisioningTarget(NAME, "auto", null, Optional.ofNullable(pop).map(Secret::of), timeout,
				ProvisioningTransport.BLE);
	}

	private ProvisioningResult provision(String pop, String ssid, String password) throws OnrampException {
		return provisioner.provision(target(pop, Duration.ofSeconds(20)),
				new WifiCredentials(ssid, Secret.of(password)), new NullProgressMonitor());
	}

	private OnrampException failure(String pop, Duration timeout) {
		return assertThrows(OnrampException.class, () -> provisioner.provision(target(pop, timeout),
				new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor()));
	}

	private void assertEveryLinkClosed() {
		assertFalse(bluez.connected(), "the device is still connected");
		assertEquals(bluez.connects(), bluez.disconnects(), "every Connect is followed by a Disconnect");
		assertEquals(bluez.discoveryStarts(), bluez.discoveryStops(), "discovery is stopped");
	}

	@Test
	void security2ScansAndProvisionsOverBle() throws Exception {
		standIn(Devices.config().security(2).patchVersion(1)).start();
		List<WifiNetwork> networks = provisioner.scan(target("abcd1234", Duration.ofSeconds(20)),
				new NullProgressMonitor());
		assertEquals(gatt.firmware().visibleNetworks(), networks.size());
		assertTrue(networks.stream().anyMatch(network -> network.ssid().equals(Devices.HOME)), networks.toString());
		ProvisioningResult result = provision("abcd1234", Devices.HOME, Devices.HOME_PASSWORD);
		assertEquals(Optional.of("192.168.1.77"), result.ipAddress());
		assertEquals("2", result.security());
		assertEquals(Devices.HOME, gatt.firmware().lastReceivedSsid());
		assertEquals(2, bluez.connects());
		assertEveryLinkClosed();
	}

	@Test
	void security1ProvisionsOverBle() throws Exception {
		standIn(Devices.config().security(1).pop("p0p")).start();
		ProvisioningResult result = provision("p0p", Devices.OFFICE, Devices.OFFICE_PASSWORD);
		assertEquals(Optional.of("192.168.1.77"), result.ipAddress());
		assertEquals("1", result.security());
		assertEveryLinkClosed();
	}

	@Test
	void wrongPopIsRejectedOnceAndNotRetried() throws Exception {
		standIn(Devices.config().security(1).pop("p0p")).start();
		OnrampException e = failure("wrong-pop", Duration.ofSeconds(20));
		assertEquals(FailureReason.HANDSHAKE_REJECTED, e.reason(), e.getMessage());
		assertEquals(4, e.reason().exitCode());
		assertTrue(e.getMessage().contains(NAME + " over Bluetooth"), e.getMessage());
		assertEquals(1, bluez.connects(), "a rejected proof of possession is never retried");
		assertEveryLinkClosed();
	}

	@Test
	void wrongPopOnBluedroidWhichDropsTheLinkIsRejectedToo() throws Exception {
		standIn(Devices.config().security(2), Fault.BLUEDROID).start();
		OnrampException e = failure("not-the-pop", Duration.ofSeconds(20));
		assertEquals(FailureReason.HANDSHAKE_REJECTED, e.reason(), e.getMessage());
		assertEquals(1, bluez.connects());
		assertEveryLinkClosed();
	}

	@Test
	void wrongPasswordFailsThenTheRetryAfterResetSucceeds() throws Exception {
		standIn(Devices.config().security(2).attempts(1)).start();
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision("abcd1234", Devices.HOME, "not the password"));
		assertEquals(FailureReason.WIFI_AUTH_FAILED, e.reason(), e.getMessage());
		assertEquals(5, e.reason().exitCode());
		ProvisioningResult result = provision("abcd1234", Devices.HOME, Devices.HOME_PASSWORD);
		assertEquals(Optional.of("192.168.1.77"), result.ipAddress());
		assertEquals(1, gatt.firmware().resets());
		assertEveryLinkClosed();
	}

	@Test
	void networkNotFound() throws Exception {
		standIn(Devices.config().security(2).attempts(1)).start();
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision("abcd1234", "NoSuchNetwork", "whatever"));
		assertEquals(FailureReason.WIFI_NETWORK_NOT_FOUND, e.reason(), e.getMessage());
		assertEquals(6, e.reason().exitCode());
		assertEveryLinkClosed();
	}

	@Test
	void aDeviceThatNeverAppearsIsNotFoundAndTheProvisioningNamesSeenAreListed() throws Exception {
		standIn(Devices.config(), Fault.DEVICE_NEVER_APPEARS).alsoAdvertising("PROV_a1b2c3", "Living room speaker")
				.start();
		long start = System.nanoTime();
		OnrampException e = failure("abcd1234", Duration.ofSeconds(2));
		assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 10_000, "bounded by the time-out");
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason(), e.getMessage());
		assertEquals(3, e.reason().exitCode());
		assertTrue(e.getMessage().contains("No Bluetooth device named " + NAME), e.getMessage());
		assertTrue(e.getMessage().contains("PROV_a1b2c3"), e.getMessage());
		assertFalse(e.getMessage().contains("speaker"), "names of other devices stay private: " + e.getMessage());
		assertEquals(0, bluez.connects());
		assertEveryLinkClosed();
	}

	@Test
	void anAdapterThatIsOffIsSaid() throws Exception {
		standIn(Devices.config(), Fault.ADAPTER_OFF).start();
		OnrampException e = failure("abcd1234", Duration.ofSeconds(5));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason(), e.getMessage());
		assertEquals("The Bluetooth adapter hci0 is off.", e.getMessage());
		assertTrue(e.hint().orElseThrow().startsWith("Turn Bluetooth on"), e.hint().toString());
		assertEquals(0, bluez.connects());
	}

	@Test
	void noAdapterIsSaid() throws Exception {
		standIn(Devices.config(), Fault.NO_ADAPTER).start();
		OnrampException e = failure("abcd1234", Duration.ofSeconds(5));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason(), e.getMessage());
		assertEquals("This computer has no Bluetooth adapter.", e.getMessage());
	}

	@Test
	void noBlueZOnTheBusIsSaid() {
		OnrampException e = failure("abcd1234", Duration.ofSeconds(5));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason(), e.getMessage());
		assertTrue(e.getMessage().contains("BlueZ"), e.getMessage());
	}

	@Test
	void noBusAtAllIsSaid() {
		System.setProperty(BleTransport.BUS_PROPERTY, "unix:path=" + folder.resolve("no-such-socket"));
		OnrampException e = failure("abcd1234", Duration.ofSeconds(5));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason(), e.getMessage());
		assertTrue(e.getMessage().contains("D-Bus"), e.getMessage());
	}

	@Test
	void pairingRefusedIsSaidAndTheLinkIsClosed() throws Exception {
		standIn(Devices.config(), Fault.PAIRING_REFUSED).start();
		OnrampException e = failure("abcd1234", Duration.ofSeconds(5));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason(), e.getMessage());
		assertTrue(e.getMessage().contains("refused pairing"), e.getMessage());
		assertEquals(1, bluez.connects());
		assertEveryLinkClosed();
	}

	@Test
	void aDeviceVanishingMidSessionIsSaidAndDisconnected() throws Exception {
		standIn(Devices.config().security(2)).vanishingOnWriteTo("prov-config").start();
		OnrampException e = failure("abcd1234", Duration.ofSeconds(10));
		assertEquals(FailureReason.DEVICE_VANISHED, e.reason(), e.getMessage());
		assertTrue(e.getMessage().contains("disappeared"), e.getMessage());
		assertEquals(1, bluez.disconnects(), "Disconnect is called after the device vanished");
		assertEveryLinkClosed();
	}

	@Test
	void aSilentCharacteristicTimesOutAndDisconnects() throws Exception {
		standIn(Devices.config().security(2), Fault.SILENT).start();
		long start = System.nanoTime();
		OnrampException e = failure("abcd1234", Duration.ofSeconds(2));
		assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 8_000, "bounded by the time-out");
		assertEquals(FailureReason.TIMEOUT, e.reason(), e.getMessage());
		assertEquals(7, e.reason().exitCode());
		assertEveryLinkClosed();
	}

	@Test
	void anInterruptedExchangeIsCancelledAndDisconnects() throws Exception {
		standIn(Devices.config().security(2), Fault.SILENT).start();
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread worker = new Thread(() -> {
			try {
				provision("abcd1234", Devices.HOME, Devices.HOME_PASSWORD);
			} catch (Throwable e) {
				thrown.set(e);
			}
		}, "ble-provisioning");
		worker.start();
		assertTrue(bluez.awaitWrite(Duration.ofSeconds(10)), "the first request reached the device");
		worker.interrupt();
		worker.join(10_000);
		assertFalse(worker.isAlive(), "the interrupted exchange returned");
		assertTrue(thrown.get() instanceof OnrampException, String.valueOf(thrown.get()));
		assertEquals(FailureReason.CANCELLED, ((OnrampException) thrown.get()).reason());
		assertEveryLinkClosed();
	}

	@Test
	void otherSystemsAreToldToUseSoftAp() throws Exception {
		BleTransport.checkPlatform("Linux");
		for (String system : List.of("Windows 11", "Mac OS X")) {
			OnrampException e = assertThrows(OnrampException.class, () -> BleTransport.checkPlatform(system));
			assertEquals(FailureReason.USAGE, e.reason());
			assertEquals(
					"BLE provisioning is available on Linux (BlueZ) only in this version; use SoftAP (or the console) instead.",
					e.getMessage());
		}
	}
}
