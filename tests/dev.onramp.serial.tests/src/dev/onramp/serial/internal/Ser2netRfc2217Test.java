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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.serial.IByteChannel;

/**
 * The RFC 2217 client against an independent server: Debian's ser2net with a {@code telnet(rfc2217)} accepter in
 * front of one end of a socat pseudo-terminal pair; the test holds the other end, as the board would. ser2net is
 * installed by releng/scripts/install-prerequisites.sh. Pseudo-terminals have no modem lines, so the reset itself is
 * tested against the simulator only.
 */
class Ser2netRfc2217Test {

	private static final Path SER2NET = Path.of("/usr/sbin/ser2net");
	private static final Duration WAIT = Duration.ofSeconds(10);

	@TempDir
	Path directory;

	private final SerialPortService service = new SerialPortService(
			new PortScanner(PortScanner.BY_ID_DIRECTORY, List.of(), false), Duration.ofMillis(50));
	private SocatPair pair;
	private int port;

	@BeforeEach
	void startSer2net() throws IOException {
		assertTrue(Files.isExecutable(SER2NET), SER2NET + " is missing: run releng/scripts/install-prerequisites.sh");
		pair = SocatPair.start(directory, "A", "B");
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		Path config = directory.resolve("ser2net.yaml");
		// mdns: false keeps ser2net from announcing the port on the machine's networks
		Files.writeString(config, "%YAML 1.1\n---\nconnection: &board\n" //
				+ "  accepter: telnet(rfc2217),tcp,127.0.0.1," + port + "\n" //
				+ "  connector: serialdev," + pair.a + ",115200n81,local\n" //
				+ "  options:\n    mdns: false\n");
		Process ser2net = new ProcessBuilder(SER2NET.toString(), "-n", "-d", "-c", config.toString())
				.redirectErrorStream(true).redirectOutput(directory.resolve("ser2net.log").toFile()).start();
		SocatPair.register(ser2net);
		Await.until("ser2net listening on 127.0.0.1:" + port, WAIT, () -> listening() || !ser2net.isAlive());
		assertTrue(ser2net.isAlive(), () -> "ser2net ended: " + log());
	}

	private boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private String log() {
		try {
			return Files.readString(directory.resolve("ser2net.log"));
		} catch (IOException e) {
			return e.toString();
		}
	}

	@AfterEach
	void stop() throws InterruptedException {
		SocatPair.killAll();
	}

	@Test
	void ser2netAcceptsTheBaudRateAndBinaryDataWithIacBytesTravelsBothWays() throws Exception {
		byte[] toBoard = new byte[8192];
		new Random(5).nextBytes(toBoard);
		for (int i = 0; i < toBoard.length; i += 97) {
			toBoard[i] = (byte) 0xFF;
		}
		byte[] fromBoard = { 'o', 'k', (byte) 0xFF, (byte) 0xFF, '\r', 0, '\r', '\n', (byte) 0xFF };
		try (IByteChannel channel = service.open("rfc2217://127.0.0.1:" + port, 115200);
				IByteChannel board = service.open(pair.b.toString(), 115200)) {
			Rfc2217Channel rfc2217 = (Rfc2217Channel) channel;
			Await.until("ser2net's answer to SET-BAUDRATE", WAIT, () -> rfc2217.serverBaudRate().isPresent());
			assertEquals(115200, rfc2217.serverBaudRate().getAsInt());

			channel.write(toBoard);
			assertArrayEquals(toBoard, SerialPortChannelTest.readExactly(board, toBoard.length));
			board.write(fromBoard);
			assertArrayEquals(fromBoard, SerialPortChannelTest.readExactly(channel, fromBoard.length));
		}
	}
}
