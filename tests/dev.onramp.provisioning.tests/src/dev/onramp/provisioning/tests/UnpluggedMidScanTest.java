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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.provisioning.internal.improv.ImprovProvisioner;
import dev.onramp.provisioning.internal.repl.ReplWifiProvisioner;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.ProtocommConsoleOptions;
import dev.onramp.simulator.protocomm.ProtocommConsoleServer;

/**
 * A board unplugged while it scans for Wi-Fi networks, over each serial protocol: the port is a real pseudo-terminal
 * (socat, bridging to the simulated board's line on 127.0.0.1), and the cable is pulled by killing socat, which takes
 * the pty away under the open port. The scan ends at once with a vanished-device failure that names the port, and
 * the port is closed (no file descriptor of this process still points at the pty). Also the Improv line dropping in
 * the middle of a frame.
 */
class UnpluggedMidScanTest {

	/** The boards' scans take this long, as an ESP32 scanning every channel does: the cable is pulled meanwhile. */
	private static final Duration SCAN_TIME = Duration.ofSeconds(4);
	/** A serial channel notices a vanished line within a read slice (at most a second); generous on top. */
	private static final Duration NOTICED = Duration.ofMillis(2500);
	private static final String POP = "unplug-pop-5e11";

	private static ISerialPortService ports;
	private static IReplService repl;

	private final List<AutoCloseable> open = new ArrayList<>();

	@TempDir
	Path folder;

	@BeforeAll
	static void services() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(ProtocommProvisioner.class).getBundleContext();
		ports = service(context, ISerialPortService.class);
		repl = service(context, IReplService.class);
	}

	private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		T service = tracker.waitForService(10_000);
		assertNotNull(service, type.getSimpleName() + " is registered (dev.onramp.serial installed)");
		return service;
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
	}

	@Test
	void improvScan() throws Exception {
		ImprovSimulatorServer board = new ImprovSimulatorServer(Map.of(Devices.HOME, Devices.HOME_PASSWORD),
				List.of("Neighbour")).withScanTime(SCAN_TIME);
		open.add(board);
		assertUnpluggedMidScan(new ImprovProvisioner(ports), ProvisioningTransport.SOFTAP, board.port(),
				() -> board.scans() > 0);
	}

	@Test
	void protocommConsoleScan() throws Exception {
		ProtocommConsoleServer board = new ProtocommConsoleServer(Devices.config().security(1).pop(POP).build(),
				ProtocommConsoleOptions.defaults());
		open.add(board);
		board.firmware().scanTime(SCAN_TIME);
		assertUnpluggedMidScan(new ProtocommProvisioner(ports), ProvisioningTransport.CONSOLE, board.port(),
				() -> board.firmware().scansStarted() > 0);
	}

	@Test
	void replScan() throws Exception {
		SimulatorServer board = new SimulatorServer(SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults().withPyDirect(false).withNetwork(SimulatedNetwork
						.isolated().withKnownNetwork(Devices.HOME, Devices.HOME_PASSWORD).withScanTime(SCAN_TIME))));
		open.add(board);
		assertUnpluggedMidScan(new ReplWifiProvisioner(ports, repl), ProvisioningTransport.SOFTAP, board.port(),
				() -> board.device().wifiScans() > 0);
	}

	@Test
	void improvLineDroppedInTheMiddleOfAFrame() throws Exception {
		// the board sends half of its first scan result frame, then its line drops (a brown-out, a loose cable)
		ImprovSimulatorServer board = new ImprovSimulatorServer(Map.of(Devices.HOME, Devices.HOME_PASSWORD),
				List.of("Neighbour")).droppingLineMidScanFrame();
		open.add(board);
		Pty pty = Pty.plugIn(folder, board.port(), open);
		Path device = pty.link().toRealPath();
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, () -> new ImprovProvisioner(ports)
				.scan(target(pty, ProvisioningTransport.SOFTAP), new NullProgressMonitor()));
		assertVanished(e, pty, start);
		assertEquals(1, board.scans());
		assertReleased(device);
	}

	private void assertUnpluggedMidScan(IWifiProvisioner provisioner, ProvisioningTransport transport, int tcpPort,
			BooleanSupplier scanning) throws Exception {
		Pty pty = Pty.plugIn(folder, tcpPort, open);
		Path device = pty.link().toRealPath();
		CompletableFuture<List<WifiNetwork>> scan = CompletableFuture.supplyAsync(() -> {
			try {
				return provisioner.scan(target(pty, transport), new NullProgressMonitor());
			} catch (OnrampException e) {
				throw new java.util.concurrent.CompletionException(e);
			}
		});
		awaitCondition("the board to start its scan", Duration.ofSeconds(20), () -> scanning.getAsBoolean() || scan.isDone());
		assertFalse(scan.isDone(), () -> "the scan was still running when the cable was pulled: " + scan);
		long pulled = System.nanoTime();
		pty.pull();
		ExecutionException failed = assertThrows(ExecutionException.class,
				() -> scan.get(NOTICED.toMillis() + 5000, TimeUnit.MILLISECONDS));
		OnrampException e = assertInstanceOf(OnrampException.class, failed.getCause());
		assertVanished(e, pty, pulled);
		assertReleased(device);
	}

	private static ProvisioningTarget target(Pty pty, ProvisioningTransport transport) {
		return new ProvisioningTarget(pty.link().toString(), "auto", null, Optional.of(Secret.of(POP)),
				Duration.ofSeconds(30), transport);
	}

	private static void assertVanished(OnrampException e, Pty pty, long since) {
		long millis = (System.nanoTime() - since) / 1_000_000;
		assertTrue(millis < NOTICED.toMillis(), "noticed " + millis + " ms after the cable was pulled: " + e.userText());
		assertTrue(e.reason() == FailureReason.DEVICE_VANISHED, e.reason() + ": " + e.userText());
		assertEquals(3, e.reason().exitCode());
		assertTrue(e.getMessage().contains(pty.link().toString()), "names the port: " + e.userText());
		assertTrue(e.hint().orElseThrow().contains("cable"), "says to check the cable: " + e.userText());
	}

	/** The port is closed: no file descriptor of this process still points at the pty that vanished. */
	private static void assertReleased(Path device) throws IOException {
		awaitCondition("the port " + device + " to be closed", Duration.ofSeconds(5), () -> !holds(device));
	}

	private static boolean holds(Path device) {
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
			for (Path descriptor : descriptors) {
				try {
					String target = Files.readSymbolicLink(descriptor).toString();
					if (target.equals(device.toString()) || target.startsWith(device + " ")) {
						return true;
					}
				} catch (IOException e) {
					// closed meanwhile
				}
			}
		} catch (IOException e) {
			throw new AssertionError("cannot list /proc/self/fd", e);
		}
		return false;
	}

	private static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - end > 0) {
				throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

	/** A pseudo-terminal from socat at {@code folder/ttyUNPLUG0}, carrying the line served on 127.0.0.1:port. */
	private record Pty(Path link, Process socat) {

		static Pty plugIn(Path folder, int tcpPort, List<AutoCloseable> open) throws IOException {
			Path link = folder.resolve("ttyUNPLUG0");
			Process socat;
			try {
				socat = new ProcessBuilder("socat", "pty,rawer,link=" + link, "tcp:127.0.0.1:" + tcpPort)
						.redirectErrorStream(true).redirectOutput(folder.resolve("socat.log").toFile()).start();
			} catch (IOException e) {
				throw new AssertionError("These tests need socat (apt-get install socat): " + e.getMessage(), e);
			}
			Pty pty = new Pty(link, socat);
			open.add(0, pty::pull);
			awaitCondition("socat to make " + link, Duration.ofSeconds(10),
					() -> Files.exists(link) || !socat.isAlive());
			assertTrue(Files.exists(link), "socat made " + link);
			return pty;
		}

		/** Pulls the cable: SIGKILL, so socat cannot clean up and the pty vanishes under whoever has it open. */
		void pull() throws InterruptedException {
			socat.destroyForcibly();
			socat.waitFor();
		}
	}
}
