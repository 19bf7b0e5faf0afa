/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.onramp.core.OnrampException;

/**
 * The server's side of the RFC 2217 COM-PORT-OPTION: each command is answered with its code + 100 and its value as
 * set. DTR and RTS drive the ESP32 auto-reset circuit: RTS released after it was asserted lets the chip out of reset,
 * into its firmware, or, with DTR asserted at that moment (GPIO0 low), into the ROM download mode.
 */
final class ComPortCommands {

	static final int OPTION = 44;

	private static final int SET_BAUDRATE = 1;
	private static final int SET_CONTROL = 5;
	private static final int PURGE_DATA = 12;
	private static final int SERVER_ANSWER = 100;
	private static final int DTR_QUERY = 7;
	private static final int DTR_ON = 8;
	private static final int DTR_OFF = 9;
	private static final int RTS_QUERY = 10;
	private static final int RTS_ON = 11;
	private static final int RTS_OFF = 12;
	private static final String DOWNLOAD_BOOT = "rst:0x1 (POWERON_RESET)," //$NON-NLS-1$
			+ "boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n"; //$NON-NLS-1$

	/** Where the answers go: a subnegotiation body (option, code, value), or data as the chip prints it. */
	@FunctionalInterface
	interface Output {
		void send(byte[] bytes) throws OnrampException;
	}

	private final ComPortLine.Board board;
	private volatile boolean dtr;
	private volatile boolean rts;
	private volatile boolean downloadMode;
	private volatile int baudRate = -1;

	ComPortCommands(ComPortLine.Board board) {
		this.board = board;
	}

	boolean dtr() {
		return dtr;
	}

	boolean rts() {
		return rts;
	}

	boolean inDownloadMode() {
		return downloadMode;
	}

	/**
	 * @param sub a subnegotiation's body, IAC unescaped
	 * @return whether the command let the chip out of reset into its firmware
	 */
	boolean handle(byte[] sub, Output answers, Output data) throws OnrampException {
		if (sub.length < 2 || (sub[0] & 0xFF) != OPTION || (sub[1] & 0xFF) >= SERVER_ANSWER) {
			return false;
		}
		int code = sub[1] & 0xFF;
		byte[] value = Arrays.copyOfRange(sub, 2, sub.length);
		boolean intoFirmware = false;
		if (code == SET_BAUDRATE && value.length == 4) {
			int rate = (value[0] & 0xFF) << 24 | (value[1] & 0xFF) << 16 | (value[2] & 0xFF) << 8 | value[3] & 0xFF;
			if (rate > 0) {
				baudRate = rate;
				board.baudRate(rate);
			}
			int current = Math.max(0, baudRate);
			value = new byte[] { (byte) (current >>> 24), (byte) (current >>> 16), (byte) (current >>> 8),
					(byte) current };
		} else if (code == SET_CONTROL && value.length == 1) {
			int setting = value[0] & 0xFF;
			boolean rtsReleased = setting == RTS_OFF && rts;
			value = new byte[] { (byte) control(setting) };
			if (rtsReleased) {
				intoFirmware = release(data);
			}
		} else if (code == PURGE_DATA && value.length == 1) {
			board.purged(value[0] & 0xFF);
		}
		// data size, parity, stop size, notification masks, flow control suspension: acknowledged as set
		byte[] answer = new byte[value.length + 2];
		answer[0] = (byte) OPTION;
		answer[1] = (byte) (code + SERVER_ANSWER);
		System.arraycopy(value, 0, answer, 2, value.length);
		answers.send(answer);
		return intoFirmware;
	}

	/** @return the value to answer */
	private int control(int setting) {
		switch (setting) {
		case DTR_QUERY -> {
			return dtr ? DTR_ON : DTR_OFF;
		}
		case RTS_QUERY -> {
			return rts ? RTS_ON : RTS_OFF;
		}
		case DTR_ON, DTR_OFF -> dtr = setting == DTR_ON;
		case RTS_ON, RTS_OFF -> rts = setting == RTS_ON;
		default -> {
			// flow control, BREAK: nothing to simulate
		}
		}
		return setting;
	}

	/**
	 * EN goes high when RTS is released; GPIO0 is low at that moment when DTR is asserted.
	 *
	 * @return whether the chip boots its firmware
	 */
	private boolean release(Output data) throws OnrampException {
		if (dtr) {
			downloadMode = true;
			board.resetIntoDownloadMode();
			data.send(DOWNLOAD_BOOT.getBytes(StandardCharsets.US_ASCII));
			return false;
		}
		downloadMode = false;
		board.resetIntoFirmware();
		return true;
	}
}
