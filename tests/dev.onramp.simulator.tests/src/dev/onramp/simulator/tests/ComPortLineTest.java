/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.internal.ComPortLine;

/** The simulator's RFC 2217 line byte by byte: hand-written Telnet on one end of a pipe, the firmware on the other. */
class ComPortLineTest {

	private static final int IAC = 0xFF;
	private static final int SB = 250;
	private static final int SE = 240;
	private static final int WILL = 251;
	private static final int WONT = 252;
	private static final int DO = 253;
	private static final int DONT = 254;
	private static final int COM_PORT = 44;

	private final List<String> events = new ArrayList<>();
	private IByteChannel client;
	private ComPortLine line;

	@BeforeEach
	void connect() {
		ByteChannelPipe pipe = new ByteChannelPipe("client", "server");
		client = pipe.a();
		line = new ComPortLine(pipe.b(), new ComPortLine.Board() {
			@Override
			public void baudRate(int bitsPerSecond) {
				events.add("baud " + bitsPerSecond);
			}

			@Override
			public void purged(int what) {
				events.add("purge " + what);
			}

			@Override
			public void resetIntoFirmware() {
				events.add("reset");
			}

			@Override
			public void resetIntoDownloadMode() {
				events.add("download");
			}
		});
	}

	private static byte[] bytes(int... values) {
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) values[i];
		}
		return result;
	}

	private void send(int... values) throws OnrampException {
		client.write(bytes(values));
	}

	/** What the firmware reads until the client's bytes are used up (or a reset ends a read). */
	private byte[] firmwareReads() throws OnrampException {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		byte[] buffer = new byte[64];
		int count;
		while ((count = line.read(buffer, 0, buffer.length, Duration.ofMillis(50))) > 0) {
			data.write(buffer, 0, count);
		}
		return data.toByteArray();
	}

	private byte[] clientReceives(int length) throws OnrampException {
		byte[] buffer = new byte[length];
		int got = 0;
		while (got < length) {
			int count = client.read(buffer, got, length - got, Duration.ofSeconds(5));
			if (count == 0) {
				break;
			}
			got += count;
		}
		return Arrays.copyOf(buffer, got);
	}

	@Test
	void doubledIacInDataArrivesAsOneByteAndOutgoingIacIsDoubled() throws Exception {
		send('a', IAC, IAC, 'b', IAC, IAC, IAC, IAC);
		assertArrayEquals(bytes('a', 0xFF, 'b', 0xFF, 0xFF), firmwareReads());
		line.write(bytes(1, 0xFF, 2));
		assertArrayEquals(bytes(1, IAC, IAC, 2), clientReceives(4));
	}

	@Test
	void wantedOptionsAreAgreedOnceAndOthersRefused() throws Exception {
		send(IAC, WILL, COM_PORT, IAC, WILL, 0, IAC, DO, 0, IAC, DO, 3, IAC, DO, 1, IAC, WILL, 24, IAC, WILL, COM_PORT);
		assertEquals(0, firmwareReads().length);
		assertArrayEquals(bytes(IAC, DO, COM_PORT, IAC, DO, 0, IAC, WILL, 0, IAC, WILL, 3, IAC, WONT, 1, IAC, DONT, 24),
				clientReceives(18));
	}

	@Test
	void comPortCommandsAreAnsweredWithTheirCodePlusOneHundred() throws Exception {
		// 115200 = 0x0001C200; the second rate has 0xFF bytes, doubled inside the subnegotiation
		send(IAC, SB, COM_PORT, 1, 0x00, 0x01, 0xC2, 0x00, IAC, SE);
		send(IAC, SB, COM_PORT, 1, 0x00, 0x00, IAC, IAC, IAC, IAC, IAC, SE);
		send(IAC, SB, COM_PORT, 12, 3, IAC, SE, IAC, SB, COM_PORT, 2, 8, IAC, SE);
		assertEquals(0, firmwareReads().length);
		assertEquals(List.of("baud 115200", "baud 65535", "purge 3"), events);
		assertArrayEquals(bytes(IAC, SB, COM_PORT, 101, 0x00, 0x01, 0xC2, 0x00, IAC, SE, //
				IAC, SB, COM_PORT, 101, 0x00, 0x00, IAC, IAC, IAC, IAC, IAC, SE, //
				IAC, SB, COM_PORT, 112, 3, IAC, SE, IAC, SB, COM_PORT, 102, 8, IAC, SE), clientReceives(36));
	}

	@Test
	void anRtsPulseWithDtrReleasedResetsIntoTheFirmwareAndEndsTheRead() throws Exception {
		// the byte after the pulse is for the rebooted firmware: the read that saw the reset does not take it
		send(IAC, SB, COM_PORT, 5, 9, IAC, SE, IAC, SB, COM_PORT, 5, 11, IAC, SE, IAC, SB, COM_PORT, 5, 12, IAC, SE, 3);
		byte[] buffer = new byte[16];
		assertEquals(0, line.read(buffer, 0, buffer.length, Duration.ofSeconds(5)));
		assertEquals(List.of("reset"), events);
		assertEquals(1, line.read(buffer, 0, buffer.length, Duration.ofSeconds(5)));
		assertEquals(3, buffer[0]);
		assertFalse(line.rts());
		assertFalse(line.dtr());
	}

	@Test
	void rtsReleasedWhileDtrIsAssertedWaitsInTheDownloadModeWithTheFirmwareSilent() throws Exception {
		send(IAC, SB, COM_PORT, 5, 8, IAC, SE, IAC, SB, COM_PORT, 5, 11, IAC, SE, IAC, SB, COM_PORT, 5, 12, IAC, SE);
		assertEquals(0, firmwareReads().length);
		assertEquals(List.of("download"), events);
		assertTrue(line.inDownloadMode());
		line.write("main.py: tick\r\n".getBytes(StandardCharsets.US_ASCII));
		send('x', IAC, SB, COM_PORT, 5, 9, IAC, SE, IAC, SB, COM_PORT, 5, 11, IAC, SE, //
				IAC, SB, COM_PORT, 5, 12, IAC, SE);
		assertEquals(0, firmwareReads().length, "the ROM, not the firmware, had the byte sent in the download mode");
		assertEquals(List.of("download", "reset"), events);
		assertFalse(line.inDownloadMode());
		line.write("System booting...\r\n".getBytes(StandardCharsets.US_ASCII));

		// the ROM speaks as RTS is released, before the server answers that command
		String expected = "\u00ff\u00fa,i\b\u00ff\u00f0\u00ff\u00fa,i\u000b\u00ff\u00f0"
				+ "rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\n"
				+ "waiting for download\r\n\u00ff\u00fa,i\f\u00ff\u00f0"
				+ "\u00ff\u00fa,i\t\u00ff\u00f0\u00ff\u00fa,i\u000b\u00ff\u00f0\u00ff\u00fa,i\f\u00ff\u00f0"
				+ "System booting...\r\n";
		assertEquals(expected, new String(clientReceives(expected.length()), StandardCharsets.ISO_8859_1));
	}

	@Test
	void aVanishedClientIsDeviceVanished() throws Exception {
		client.close();
		assertEquals(FailureReason.DEVICE_VANISHED,
				assertThrows(OnrampException.class, () -> line.read(new byte[4], 0, 4, Duration.ofSeconds(5)))
						.reason());
	}
}
