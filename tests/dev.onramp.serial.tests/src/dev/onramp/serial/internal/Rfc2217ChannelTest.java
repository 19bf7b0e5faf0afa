/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/** {@code rfc2217://HOST:PORT} against the simulated board's RFC 2217 server and misbehaving peers on loopback. */
class Rfc2217ChannelTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final Duration SHORT_NEGOTIATION = Duration.ofMillis(300);

	private final SerialPortService service = new SerialPortService(
			new PortScanner(PortScanner.BY_ID_DIRECTORY, List.of(), false), Duration.ofMillis(50));
	private Rfc2217SimulatorServer server;

	@BeforeEach
	void startBoard() throws IOException {
		server = new Rfc2217SimulatorServer(
				SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults()));
	}

	@AfterEach
	void stopBoard() {
		server.close();
	}

	/** Reads until the text read so far holds {@code marker} {@code times} times. */
	static String awaitText(IByteChannel channel, ByteArrayOutputStream seen, String marker, int times)
			throws OnrampException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		byte[] buffer = new byte[1024];
		while (true) {
			String text = seen.toString(StandardCharsets.ISO_8859_1);
			if (text.split(Pattern.quote(marker), -1).length - 1 >= times) {
				return text;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				fail("No " + times + "x '" + marker + "' within " + WAIT.toMillis() + " ms; got: " + text);
			}
			seen.write(buffer, 0, channel.read(buffer, 0, buffer.length, Duration.ofNanos(remaining)));
		}
	}

	@Test
	void openingSetsTheBaudRateAndPurgesTheServersBuffers() throws Exception {
		try (IByteChannel channel = service.open(server.uri(), 115200)) {
			assertEquals(server.uri(), channel.name());
			Rfc2217Channel rfc2217 = (Rfc2217Channel) channel;
			Await.until("the server's answer to SET-BAUDRATE", WAIT, () -> rfc2217.serverBaudRate().isPresent());
			assertEquals(115200, rfc2217.serverBaudRate().getAsInt());
			assertEquals(115200, server.lastBaudRate().getAsInt());
			Await.until("PURGE-DATA at the server", WAIT, () -> server.purges() == 1);
			assertTrue(channel.modemLines().isPresent());
		}
	}

	@Test
	void anRtsPulseResetsTheBoardAndCtrlCRightAfterItsBootOutputReachesTheRepl() throws Exception {
		try (IByteChannel channel = service.open(server.uri(), 115200)) {
			ByteArrayOutputStream seen = new ByteArrayOutputStream();
			awaitText(channel, seen, "main.py: pyDirect running", 1);
			String before = seen.toString(StandardCharsets.ISO_8859_1);
			int bootsBefore = before.split("System booting\\.\\.\\.", -1).length - 1;

			channel.modemLines().orElseThrow().resetIntoFirmware();
			awaitText(channel, seen, "System booting...", bootsBefore + 1);
			channel.write(new byte[] { '\r', 3 });
			String text = awaitText(channel, seen, "KeyboardInterrupt", 1);
			awaitText(channel, seen, ">>> ", 1);

			assertTrue(text.lastIndexOf("System booting...") < text.indexOf("KeyboardInterrupt"), text);
			assertEquals(1, server.resets());
			assertEquals(1, server.device().hardResets());
			assertEquals(0, server.downloadModeResets());
			assertEquals(false, server.dtr().orElseThrow());
			assertEquals(false, server.rts().orElseThrow());
		}
	}

	@Test
	void dtrHeldWhileRtsIsReleasedLeavesTheBoardSilentInTheDownloadModeAndReadsEndAtTheirDeadline() throws Exception {
		try (IByteChannel channel = service.open(server.uri(), 115200)) {
			ByteArrayOutputStream seen = new ByteArrayOutputStream();
			awaitText(channel, seen, "main.py: pyDirect running", 1);
			IModemLines lines = channel.modemLines().orElseThrow();
			lines.setDtr(true);
			lines.setRts(true);
			lines.setRts(false);
			awaitText(channel, seen, "waiting for download\r\n", 1);
			assertEquals(1, server.downloadModeResets());

			long start = System.nanoTime();
			assertEquals(0, channel.read(new byte[64], 0, 64, Duration.ofMillis(300)), "the ROM says nothing more");
			assertTrue(System.nanoTime() - start >= Duration.ofMillis(290).toNanos(), "the read waited its deadline");

			lines.resetIntoFirmware();
			String text = awaitText(channel, seen, "main.py: pyDirect running, tick 1", 2);
			assertTrue(text.lastIndexOf("System booting...") > text.indexOf("waiting for download"), text);
			assertEquals(1, server.resets());
		}
	}

	@Test
	void theServerClosingMidReadIsDeviceVanished() throws Exception {
		IByteChannel channel = service.open(server.uri(), 115200);
		awaitText(channel, new ByteArrayOutputStream(), "System booting...", 1);
		CompletableFuture<OnrampException> reader = CompletableFuture.supplyAsync(() -> {
			byte[] buffer = new byte[256];
			try {
				while (true) {
					channel.read(buffer, 0, buffer.length, WAIT);
				}
			} catch (OnrampException e) {
				return e;
			}
		});
		server.close();
		OnrampException failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.join());
		assertEquals(FailureReason.DEVICE_VANISHED, failure.reason());
		assertEquals("The serial server at " + server.uri() + " closed the connection.", failure.getMessage());
		assertTrue(failure.hint().isPresent());
		assertFalse(channel.isOpen());
		assertEquals(FailureReason.DEVICE_VANISHED,
				assertThrows(OnrampException.class, () -> channel.write(new byte[] { 1 })).reason());
		assertEquals(FailureReason.DEVICE_VANISHED,
				assertThrows(OnrampException.class, () -> channel.modemLines().orElseThrow().setRts(true)).reason());
		channel.close();
	}

	@Test
	void nothingListeningIsUnreachableWithAClearMessage() throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		int closedPort = port;
		OnrampException failure = assertThrows(OnrampException.class,
				() -> service.open("rfc2217://127.0.0.1:" + closedPort, 115200));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, failure.reason());
		assertEquals("Nothing accepts connections at 127.0.0.1:" + port + " (connection refused).",
				failure.getMessage());
		assertTrue(failure.hint().isPresent());
	}

	@Test
	void malformedAddressesAreUsageErrors() {
		for (String address : List.of("rfc2217://127.0.0.1", "rfc2217://127.0.0.1:0", "rfc2217://127.0.0.1:4000/x",
				"RFC2217://:4000")) {
			OnrampException failure = assertThrows(OnrampException.class, () -> service.open(address, 115200),
					address);
			assertEquals(FailureReason.USAGE, failure.reason(), address);
			assertTrue(failure.hint().orElseThrow().contains("rfc2217://HOST:PORT"), address);
		}
	}

	@Test
	void aPeerThatNeverNegotiatesIsAProtocolErrorWithinTheNegotiationTimeout() throws Exception {
		try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String address = "rfc2217://127.0.0.1:" + peer.getLocalPort();
			CompletableFuture<Void> silent = CompletableFuture.runAsync(() -> {
				try (Socket socket = peer.accept()) {
					socket.getInputStream().readAllBytes();
				} catch (IOException e) {
					// the client hung up
				}
			});
			OnrampException failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
					OnrampException.class,
					() -> Rfc2217Channel.connect(address, 115200, Duration.ofSeconds(5), SHORT_NEGOTIATION)));
			assertEquals(FailureReason.PROTOCOL_ERROR, failure.reason());
			assertEquals("The server at " + address + " did not agree on binary transmission and the RFC 2217"
					+ " COM-PORT-OPTION within 300 ms.", failure.getMessage());
			assertTrue(failure.hint().orElseThrow().contains("socket://HOST:PORT"));
			silent.get(); // the client closed its connection
		}
	}

	@Test
	void aPeerSendingGarbageInsteadOfNegotiatingIsAProtocolError() throws Exception {
		byte[] garbage = new byte[4096];
		new Random(3).nextBytes(garbage);
		try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String address = "rfc2217://127.0.0.1:" + peer.getLocalPort();
			CompletableFuture<Void> babbling = CompletableFuture.runAsync(() -> {
				try (Socket socket = peer.accept()) {
					socket.getOutputStream().write(garbage);
					socket.getInputStream().readAllBytes();
				} catch (IOException e) {
					// the client hung up
				}
			});
			OnrampException failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
					OnrampException.class,
					() -> Rfc2217Channel.connect(address, 115200, Duration.ofSeconds(5), SHORT_NEGOTIATION)));
			assertEquals(FailureReason.PROTOCOL_ERROR, failure.reason(), failure.getMessage());
			assertTrue(failure.getMessage().startsWith("The server at " + address + " did not agree"),
					failure.getMessage());
			babbling.get();
		}
	}

	@Test
	void aPeerHangingUpBeforeNegotiatingIsDeviceVanished() throws Exception {
		try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String address = "rfc2217://127.0.0.1:" + peer.getLocalPort();
			CompletableFuture.runAsync(() -> {
				try (Socket socket = peer.accept()) {
					// hangs up at once
				} catch (IOException e) {
					// nothing to do
				}
			});
			OnrampException failure = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
					OnrampException.class,
					() -> Rfc2217Channel.connect(address, 115200, Duration.ofSeconds(5), Duration.ofSeconds(4))));
			assertEquals(FailureReason.DEVICE_VANISHED, failure.reason());
			assertEquals("The serial server at " + address + " closed the connection before agreeing on RFC 2217.",
					failure.getMessage());
		}
	}
}
