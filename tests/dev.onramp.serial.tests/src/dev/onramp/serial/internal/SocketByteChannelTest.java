/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/** {@code socket://HOST:PORT} against a server on the loopback interface. */
class SocketByteChannelTest {

	private final SerialPortService service = new SerialPortService(
			new PortScanner(PortScanner.BY_ID_DIRECTORY, List.of(), false), Duration.ofMillis(50));
	private ServerSocket server;

	@BeforeEach
	void listen() throws Exception {
		server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
	}

	@AfterEach
	void stop() throws Exception {
		server.close();
	}

	private String address() {
		return "socket://127.0.0.1:" + server.getLocalPort();
	}

	@Test
	void bytesTravelBothWaysAndPeerCloseIsDeviceVanished() throws Exception {
		byte[] data = new byte[64 * 1024];
		new Random(7).nextBytes(data);
		try (IByteChannel channel = service.open(address(), 0); Socket peer = server.accept()) {
			CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
				try {
					return peer.getInputStream().readNBytes(data.length);
				} catch (java.io.IOException e) {
					throw new IllegalStateException(e);
				}
			});
			channel.write(data);
			assertArrayEquals(data, received.get(10, TimeUnit.SECONDS));

			peer.getOutputStream().write(new byte[] { 1, 2, 3 });
			assertArrayEquals(new byte[] { 1, 2, 3 }, SerialPortChannelTest.readExactly(channel, 3));

			long start = System.nanoTime();
			assertEquals(0, channel.read(new byte[4], 0, 4, Duration.ofMillis(200)));
			long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
			assertTrue(elapsedMillis >= 190 && elapsedMillis < 600, "returned after " + elapsedMillis + " ms");

			peer.close();
			OnrampException failure = assertThrows(OnrampException.class,
					() -> channel.read(new byte[4], 0, 4, Duration.ofSeconds(5)));
			assertEquals(FailureReason.DEVICE_VANISHED, failure.reason());
			assertTrue(failure.getMessage().contains(address()), failure.getMessage());
			assertFalse(channel.isOpen());
			assertEquals(FailureReason.DEVICE_VANISHED,
					assertThrows(OnrampException.class, () -> channel.write(new byte[] { 9 })).reason());
		}
	}

	@Test
	void closingTheChannelClosesTheConnection() throws Exception {
		IByteChannel channel = service.open(address(), 0);
		try (Socket peer = server.accept(); InputStream input = peer.getInputStream()) {
			channel.close();
			assertEquals(-1, input.read());
			assertEquals(FailureReason.DEVICE_VANISHED,
					assertThrows(OnrampException.class, () -> channel.read(new byte[1], 0, 1, Duration.ZERO)).reason());
		}
	}

	@Test
	void aRefusedConnectionIsUnreachableWithAClearMessage() throws Exception {
		int port = server.getLocalPort();
		server.close();
		OnrampException failure = assertThrows(OnrampException.class,
				() -> service.open("socket://127.0.0.1:" + port, 0));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, failure.reason());
		assertEquals("Nothing accepts connections at 127.0.0.1:" + port + " (connection refused).", failure.getMessage());
		assertTrue(failure.hint().isPresent());
	}

	@Test
	void malformedAddressesAreUsageErrors() {
		for (String address : List.of("socket://127.0.0.1", "socket://127.0.0.1:0", "socket://127.0.0.1:99999",
				"socket://127.0.0.1:4000/x", "socket://:4000")) {
			OnrampException failure = assertThrows(OnrampException.class, () -> service.open(address, 0), address);
			assertEquals(FailureReason.USAGE, failure.reason(), address);
			assertTrue(failure.hint().orElseThrow().contains("socket://HOST:PORT"), address);
		}
	}

	@Test
	void ipv6LiteralsInBracketsAreAccepted() throws OnrampException {
		assertEquals(4000, SocketByteChannel.parse("socket://[::1]:4000").getPort());
		assertTrue(SocketByteChannel.parse("SOCKET://[::1]:4000").getAddress().isLoopbackAddress());
	}
}
