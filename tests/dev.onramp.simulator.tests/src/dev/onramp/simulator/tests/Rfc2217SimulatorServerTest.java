/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/** The simulated board behind its RFC 2217 server, driven over a real loopback socket by hand-written Telnet. */
class Rfc2217SimulatorServerTest {

	private static final int IAC = 0xFF;
	private static final int SB = 250;
	private static final int SE = 240;
	private static final int WILL = 251;
	private static final int COM_PORT = 44;
	private static final Duration WAIT = Duration.ofSeconds(10);

	private Rfc2217SimulatorServer server;
	private Socket socket;
	private InputStream input;
	private OutputStream output;
	private final ByteArrayOutputStream received = new ByteArrayOutputStream();

	@BeforeEach
	void connect() throws IOException {
		server = new Rfc2217SimulatorServer(
				SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults()));
		assertEquals("rfc2217://127.0.0.1:" + server.port(), server.uri());
		socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
		socket.setSoTimeout(50);
		input = socket.getInputStream();
		output = socket.getOutputStream();
		send(IAC, WILL, COM_PORT);
	}

	@AfterEach
	void close() throws IOException {
		socket.close();
		server.close();
	}

	private void send(int... values) throws IOException {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		output.write(bytes);
		output.flush();
	}

	private void control(int value) throws IOException {
		send(IAC, SB, COM_PORT, 5, value, IAC, SE);
	}

	/** Reads until the text seen since the start holds {@code marker} {@code times} times. */
	private String awaitText(String marker, int times) throws IOException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		byte[] buffer = new byte[1024];
		while (true) {
			String text = received.toString(StandardCharsets.ISO_8859_1);
			if (text.split(Pattern.quote(marker), -1).length - 1 >= times) {
				return text;
			}
			if (System.nanoTime() - deadline > 0) {
				fail("No " + times + "x '" + marker + "' within " + WAIT.toMillis() + " ms; got: " + text);
			}
			try {
				int count = input.read(buffer);
				if (count < 0) {
					fail("The server closed the connection; got: " + text);
				}
				received.write(buffer, 0, count);
			} catch (SocketTimeoutException e) {
				// read on until the deadline
			}
		}
	}

	@Test
	void theBoardBootsOnConnectionAndAnRtsPulseResetsItIntoItsFirmware() throws Exception {
		awaitText("main.py: pyDirect running", 1);
		assertEquals(0, server.resets());
		control(9);
		control(11);
		control(12);
		awaitText("System booting...", 2);
		awaitText("main.py: pyDirect running, tick 1", 2);
		assertEquals(1, server.resets());
		assertEquals(1, server.device().hardResets());
		assertEquals(0, server.downloadModeResets());
		assertEquals(1, server.connections());
	}

	@Test
	void rtsReleasedWithDtrAssertedWaitsForDownloadUntilAPlainReset() throws Exception {
		awaitText("System booting...", 1);
		control(8);
		control(11);
		control(12);
		awaitText("waiting for download\r\n", 1);
		assertTrue(server.inDownloadMode());
		assertEquals(1, server.downloadModeResets());
		control(9);
		control(11);
		control(12);
		String text = awaitText("System booting...", 2);
		assertTrue(text.indexOf("waiting for download") < text.lastIndexOf("System booting..."), text);
		assertEquals(1, server.resets());
		assertTrue(Simulators.await(() -> !server.inDownloadMode(), WAIT));
	}

	@Test
	void theBaudRateIsRecordedAndAnswered() throws Exception {
		assertEquals(OptionalInt.empty(), server.lastBaudRate());
		send(IAC, SB, COM_PORT, 1, 0x00, 0x01, 0xC2, 0x00, IAC, SE);
		String answer = new String(new byte[] { (byte) IAC, (byte) SB, COM_PORT, 101, 0x00, 0x01, (byte) 0xC2, 0x00,
				(byte) IAC, (byte) SE }, StandardCharsets.ISO_8859_1);
		awaitText(answer, 1);
		assertEquals(OptionalInt.of(115200), server.lastBaudRate());
	}
}
