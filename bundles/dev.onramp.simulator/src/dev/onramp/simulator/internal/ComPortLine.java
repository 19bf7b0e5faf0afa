/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * The device's end of a serial port shared with RFC 2217, written from the RFC on its own: a minimal Telnet server
 * (binary transmission, suppress-go-ahead and the COM-PORT-OPTION are agreed, everything else refused; IAC doubled in
 * data) over a TCP line, answering each COM-PORT-OPTION command with its code + 100. The firmware reads and writes
 * plain bytes; commands are handled as they pass through its reads. DTR and RTS drive the ESP32 auto-reset circuit:
 * RTS released after it was asserted lets the chip out of reset, into its firmware, or with DTR asserted at that
 * moment into the ROM download mode, where the firmware is silent until the next reset into it.
 */
public final class ComPortLine implements IByteChannel {

	/** What the board behind the line does with the commands. */
	public interface Board {
		void baudRate(int bitsPerSecond);

		void purged(int what);

		/** The chip left reset with GPIO0 high: the firmware reboots. */
		void resetIntoFirmware();

		/** The chip left reset with GPIO0 low. */
		void resetIntoDownloadMode();
	}

	static final int IAC = 0xFF;
	static final int DONT = 254;
	static final int DO = 253;
	static final int WONT = 252;
	static final int WILL = 251;
	static final int SB = 250;
	static final int SE = 240;
	static final int BINARY = 0;
	static final int SUPPRESS_GO_AHEAD = 3;
	static final int COM_PORT_OPTION = 44;

	private static final int MAX_SUBNEGOTIATION = 64;
	private static final String DOWNLOAD_BOOT = "rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))" //$NON-NLS-1$
			+ "\r\nwaiting for download\r\n"; //$NON-NLS-1$

	private enum State {
		DATA, IAC, NEGOTIATION, SUBNEGOTIATION, SUBNEGOTIATION_IAC
	}

	private final IByteChannel tcp;
	private final Board board;
	private final Object writeLock = new Object();
	private final byte[] raw = new byte[4096];
	private int rawStart;
	private int rawEnd;
	private State state = State.DATA;
	private int verb;
	private final ByteArrayOutputStream subnegotiation = new ByteArrayOutputStream();
	private final boolean[] weDo = new boolean[256];
	private final boolean[] theyDo = new boolean[256];
	private volatile boolean dtr;
	private volatile boolean rts;
	private volatile boolean downloadMode;
	private volatile int baudRate = -1;

	public ComPortLine(IByteChannel tcp, Board board) {
		this.tcp = tcp;
		this.board = board;
	}

	@Override
	public String name() {
		return "rfc2217 " + tcp.name(); //$NON-NLS-1$
	}

	/** Reads data for the firmware; Telnet commands are handled on the way, and a reset ends the read early. */
	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (rawStart == rawEnd) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return 0;
				}
				int count = tcp.read(raw, 0, raw.length, Duration.ofNanos(remaining));
				if (count == 0) {
					return 0;
				}
				rawStart = 0;
				rawEnd = count;
			}
			int taken = 0;
			boolean reset = false;
			while (rawStart < rawEnd && taken < length && !reset) {
				int b = raw[rawStart++] & 0xFF;
				int data = decode(b);
				if (data >= 0 && !downloadMode) {
					buffer[offset + taken++] = (byte) data;
				}
				reset = data == RESET;
			}
			if (taken > 0 || reset) {
				return taken;
			}
		}
	}

	private static final int NONE = -1;
	private static final int RESET = -2;

	/** @return the data byte, {@link #NONE}, or {@link #RESET} when the byte completed a reset into the firmware */
	private int decode(int b) throws OnrampException {
		switch (state) {
		case DATA -> {
			if (b == IAC) {
				state = State.IAC;
				return NONE;
			}
			return b;
		}
		case IAC -> {
			state = State.DATA;
			if (b == IAC) {
				return IAC;
			}
			if (b >= WILL && b <= DONT) {
				verb = b;
				state = State.NEGOTIATION;
			} else if (b == SB) {
				subnegotiation.reset();
				state = State.SUBNEGOTIATION;
			}
			// NOP, GA, AYT and the like mean nothing on a serial line
			return NONE;
		}
		case NEGOTIATION -> {
			state = State.DATA;
			negotiate(verb, b);
			return NONE;
		}
		case SUBNEGOTIATION -> {
			if (b == IAC) {
				state = State.SUBNEGOTIATION_IAC;
			} else if (subnegotiation.size() < MAX_SUBNEGOTIATION) {
				subnegotiation.write(b);
			}
			return NONE;
		}
		case SUBNEGOTIATION_IAC -> {
			if (b == IAC) {
				state = State.SUBNEGOTIATION;
				if (subnegotiation.size() < MAX_SUBNEGOTIATION) {
					subnegotiation.write(b);
				}
				return NONE;
			}
			state = State.DATA;
			return b == SE && command(subnegotiation.toByteArray()) ? RESET : NONE;
		}
		}
		return NONE;
	}

	private void negotiate(int request, int option) throws OnrampException {
		boolean wanted = option == BINARY || option == SUPPRESS_GO_AHEAD || option == COM_PORT_OPTION;
		switch (request) {
		case WILL -> {
			if (wanted && !theyDo[option]) {
				theyDo[option] = true;
				send(IAC, DO, option);
			} else if (!wanted) {
				send(IAC, DONT, option);
			}
		}
		case WONT -> {
			if (theyDo[option]) {
				theyDo[option] = false;
				send(IAC, DONT, option);
			}
		}
		case DO -> {
			// the COM-PORT-OPTION is the client's to offer (WILL), not the server's
			boolean ours = wanted && option != COM_PORT_OPTION;
			if (ours && !weDo[option]) {
				weDo[option] = true;
				send(IAC, WILL, option);
			} else if (!ours) {
				send(IAC, WONT, option);
			}
		}
		default -> {
			if (weDo[option]) {
				weDo[option] = false;
				send(IAC, WONT, option);
			}
		}
		}
	}

	/** @return whether the command let the chip out of reset into its firmware */
	private boolean command(byte[] sub) throws OnrampException {
		if (sub.length < 2 || (sub[0] & 0xFF) != COM_PORT_OPTION) {
			return false;
		}
		int code = sub[1] & 0xFF;
		byte[] value = Arrays.copyOfRange(sub, 2, sub.length);
		boolean intoFirmware = false;
		switch (code) {
		case 1 -> {
			if (value.length == 4) {
				int rate = (value[0] & 0xFF) << 24 | (value[1] & 0xFF) << 16 | (value[2] & 0xFF) << 8 | value[3] & 0xFF;
				if (rate > 0) {
					baudRate = rate;
					board.baudRate(rate);
				}
				int current = Math.max(0, baudRate);
				value = new byte[] { (byte) (current >>> 24), (byte) (current >>> 16), (byte) (current >>> 8),
						(byte) current };
			}
		}
		case 5 -> {
			if (value.length == 1) {
				int answer = control(value[0] & 0xFF);
				intoFirmware = answer == RESET;
				value = new byte[] { (byte) (answer == RESET ? 12 : answer) };
			}
		}
		case 12 -> {
			if (value.length == 1) {
				board.purged(value[0] & 0xFF);
			}
		}
		default -> {
			// data size, parity, stop size, notification masks, flow control suspension: acknowledged as set
		}
		}
		if (code < 100) {
			byte[] answer = new byte[value.length + 2];
			answer[0] = (byte) COM_PORT_OPTION;
			answer[1] = (byte) (code + 100);
			System.arraycopy(value, 0, answer, 2, value.length);
			subnegotiate(answer);
		}
		return intoFirmware;
	}

	/** @return the value to answer, or {@link #RESET} when RTS was released into a reset into the firmware */
	private int control(int value) throws OnrampException {
		switch (value) {
		case 7 -> {
			return dtr ? 8 : 9;
		}
		case 8, 9 -> dtr = value == 8;
		case 10 -> {
			return rts ? 11 : 12;
		}
		case 11 -> rts = true;
		case 12 -> {
			boolean wasAsserted = rts;
			rts = false;
			if (wasAsserted) {
				return release();
			}
		}
		default -> {
			// flow control, BREAK: nothing to simulate
		}
		}
		return value;
	}

	/** EN goes high when RTS is released; GPIO0 is low at that moment when DTR is asserted. */
	private int release() throws OnrampException {
		if (dtr) {
			downloadMode = true;
			board.resetIntoDownloadMode();
			sendData(DOWNLOAD_BOOT.getBytes(StandardCharsets.US_ASCII));
			return 12;
		}
		downloadMode = false;
		board.resetIntoFirmware();
		return RESET;
	}

	public boolean dtr() {
		return dtr;
	}

	public boolean rts() {
		return rts;
	}

	public boolean inDownloadMode() {
		return downloadMode;
	}

	/** Data from the firmware, escaped; dropped while the chip waits in the ROM download mode. */
	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		if (!downloadMode) {
			sendData(Arrays.copyOfRange(data, offset, offset + length));
		}
	}

	private void sendData(byte[] data) throws OnrampException {
		ByteArrayOutputStream escaped = new ByteArrayOutputStream(data.length + 16);
		for (byte b : data) {
			escaped.write(b);
			if ((b & 0xFF) == IAC) {
				escaped.write(b);
			}
		}
		synchronized (writeLock) {
			tcp.write(escaped.toByteArray());
		}
	}

	private void subnegotiate(byte[] body) throws OnrampException {
		ByteArrayOutputStream message = new ByteArrayOutputStream(body.length + 8);
		message.write(IAC);
		message.write(SB);
		for (byte b : body) {
			message.write(b);
			if ((b & 0xFF) == IAC) {
				message.write(b);
			}
		}
		message.write(IAC);
		message.write(SE);
		synchronized (writeLock) {
			tcp.write(message.toByteArray());
		}
	}

	private void send(int... command) throws OnrampException {
		byte[] bytes = new byte[command.length];
		for (int i = 0; i < command.length; i++) {
			bytes[i] = (byte) command[i];
		}
		synchronized (writeLock) {
			tcp.write(bytes);
		}
	}

	@Override
	public boolean isOpen() {
		return tcp.isOpen();
	}

	@Override
	public void close() {
		tcp.close();
	}
}
