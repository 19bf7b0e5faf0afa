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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.provisioning.internal.improv.ImprovClient;
import dev.onramp.provisioning.internal.repl.ReplWifiProvisioner;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.improv.SimulatedImprovDevice;
import dev.onramp.simulator.protocomm.ProtocommConsoleOptions;
import dev.onramp.simulator.protocomm.ProtocommConsoleOptions.Fault;
import dev.onramp.simulator.protocomm.ProtocommConsoleServer;

/**
 * Faults on serial lines that the other fault tests leave out: the protocomm console's line dropping in the middle of
 * the security handshake, and slow devices — an answer just inside the deadline succeeds, one just outside fails
 * within the deadline — over the protocomm console, Improv and the MicroPython REPL.
 */
class SerialFaultTest {

	private static final String POP = "serial-fault-pop-41c2";
	private static ISerialPortService ports;
	private static IReplService repl;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeAll
	static void services() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(ProtocommProvisioner.class).getBundleContext();
		ServiceTracker<ISerialPortService, ISerialPortService> tracker = new ServiceTracker<>(context,
				ISerialPortService.class, null);
		tracker.open();
		ports = tracker.waitForService(10_000);
		assertNotNull(ports, "the serial port service is registered (dev.onramp.serial installed)");
		ServiceTracker<IReplService, IReplService> replTracker = new ServiceTracker<>(context, IReplService.class,
				null);
		replTracker.open();
		repl = replTracker.waitForService(10_000);
		assertNotNull(repl, "the REPL service is registered (dev.onramp.serial installed)");
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
	}

	private ProtocommConsoleServer console(ProtocommConsoleOptions options) throws IOException {
		ProtocommConsoleServer server = new ProtocommConsoleServer(Devices.config().security(1).pop(POP).build(),
				options);
		open.add(server);
		return server;
	}

	private static ProvisioningTarget consoleTarget(ProtocommConsoleServer server, Duration timeout) {
		return new ProvisioningTarget(server.uri(), "auto", null, Optional.of(Secret.of(POP)), timeout,
				ProvisioningTransport.CONSOLE);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "DROP_AT_SESSION_STEP_1", "DROP_AT_SESSION_STEP_2" })
	void consoleLineDroppedMidHandshakeIsAVanishedDeviceNotARejection(Fault fault) throws Exception {
		ProtocommConsoleServer server = console(ProtocommConsoleOptions.defaults().withFault(fault));
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, () -> new ProtocommProvisioner(ports)
				.scan(consoleTarget(server, Duration.ofSeconds(20)), new NullProgressMonitor()));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertTrue(millis < 5000, "took " + millis + " ms: " + e.userText());
		assertEquals(FailureReason.DEVICE_VANISHED, e.reason(), e.userText());
		assertNotEquals(FailureReason.HANDSHAKE_REJECTED, e.reason());
		assertTrue(e.getMessage().contains(server.uri()) && e.getMessage().contains("prov-session"), e.userText());
		assertTrue(e.hint().orElseThrow().contains("cable"), e.userText());
		assertFalse(e.userText().contains(POP), e.userText());
		long sessionLines = server.commandLines().stream().filter(line -> line.startsWith("prov-session")).count();
		assertEquals(fault == Fault.DROP_AT_SESSION_STEP_1 ? 1 : 2, sessionLines, server.commandLines()::toString);
	}

	@Test
	void slowConsoleScanJustInsideTheDeadlineSucceeds() throws Exception {
		ProtocommConsoleServer server = console(ProtocommConsoleOptions.defaults());
		server.firmware().scanTime(Duration.ofMillis(1500));
		assertTrue(new ProtocommProvisioner(ports)
				.scan(consoleTarget(server, Duration.ofMillis(3000)), new NullProgressMonitor()).size() > 2);
	}

	@Test
	void slowConsoleScanJustOutsideTheDeadlineTimesOutAskingForMoreTime() throws Exception {
		ProtocommConsoleServer server = console(ProtocommConsoleOptions.defaults());
		server.firmware().scanTime(Duration.ofMillis(4000));
		Duration timeout = Duration.ofMillis(3000);
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, () -> new ProtocommProvisioner(ports)
				.scan(consoleTarget(server, timeout), new NullProgressMonitor()));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertTrue(millis < timeout.toMillis() + 1000, "took " + millis + " ms");
		assertEquals(FailureReason.TIMEOUT, e.reason(), e.userText());
		assertEquals(Optional.of(Remedy.MORE_TIME), e.remedy(), e.userText());
	}

	private SimulatorServer replBoard(Duration scanTime) throws IOException {
		SimulatorServer board = new SimulatorServer(SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults().withPyDirect(false).withNetwork(SimulatedNetwork
						.isolated().withKnownNetwork(Devices.HOME, Devices.HOME_PASSWORD).withScanTime(scanTime))));
		open.add(board);
		return board;
	}

	private static ProvisioningTarget replTarget(SimulatorServer board, Duration timeout) {
		return new ProvisioningTarget(board.uri(), "auto", null, Optional.empty(), timeout);
	}

	@Test
	void slowReplScanJustInsideItsBoundSucceeds() throws Exception {
		SimulatorServer board = replBoard(Duration.ofMillis(1500));
		List<WifiNetwork> networks = new ReplWifiProvisioner(ports, repl)
				.scan(replTarget(board, Duration.ofMillis(3000)), new NullProgressMonitor());
		assertEquals(List.of(Devices.HOME), networks.stream().map(WifiNetwork::ssid).toList());
	}

	@Test
	void slowReplScanJustOutsideItsBoundTimesOutWithoutHanging() throws Exception {
		// the board is still scanning when the bound passes: the command ends, it does not wait for the board
		SimulatorServer board = replBoard(Duration.ofSeconds(4));
		Duration timeout = Duration.ofMillis(2000);
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, () -> new ReplWifiProvisioner(ports, repl)
				.scan(replTarget(board, timeout), new NullProgressMonitor()));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertEquals(FailureReason.TIMEOUT, e.reason(), e.userText());
		assertTrue(millis < timeout.toMillis() + 3000, "took " + millis + " ms: " + e.userText());
		assertTrue(e.getMessage().contains(board.uri()), "names the port: " + e.userText());
		assertEquals(1, board.device().wifiScans());
	}

	private ImprovClient improv(Duration scanTime, Duration connectTimeout) {
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyUSB3", "device");
		open.add(new SimulatedImprovDevice(pipe.b(), Map.of(Devices.HOME, Devices.HOME_PASSWORD),
				List.of("Neighbour-1"), false, scanTime, false));
		return new ImprovClient(pipe.a(), Duration.ofMillis(800), connectTimeout);
	}

	@Test
	void slowImprovScanJustInsideItsBoundSucceeds() throws Exception {
		ImprovClient client = improv(Duration.ofMillis(1200), Duration.ofMillis(2000));
		assertEquals(2, client.scan(new NullProgressMonitor()).size());
	}

	@Test
	void slowImprovScanJustOutsideItsBoundTimesOutNamingThePort() {
		ImprovClient client = improv(Duration.ofMillis(3000), Duration.ofMillis(2000));
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, () -> client.scan(new NullProgressMonitor()));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertTrue(millis < 3000, "took " + millis + " ms");
		assertEquals(FailureReason.TIMEOUT, e.reason(), e.userText());
		assertTrue(e.getMessage().contains("/dev/ttyUSB3") && e.getMessage().contains("the scan"), e.userText());
	}
}
