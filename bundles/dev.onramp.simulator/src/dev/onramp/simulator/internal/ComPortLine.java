/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * The device's end of a serial port shared with RFC 2217, written from the RFC on its own: a minimal Telnet server
 * (binary transmission, suppress-go-ahead and the COM-PORT-OPTION are agreed, everything else refused; IAC doubled in
 * data) over a TCP line, with the COM-PORT-OPTION's commands handed to {@link ComPortCommands}. The firmware reads and
 * writes plain bytes; commands are handled as they pass through its reads, and a reset into the firmware ends the read
 * that saw it, so that bytes sent after the reset reach the rebooted firmware. In the ROM download mode the firmware
 * neither hears nor says anything.
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
	static final int COM_PORT_OPTION = ComPortCommands.OPTION;

	private static final int MAX_SUBNEGOTIATION = 64;
	private static final int NONE = -1;
	private static final int RESET = -2;

	private enum State {
		DATA, IAC, NEGOTIATION, SUBNEGOTIATION, SUBNEGOTIATION_IAC
	}

	private final IByteChannel tcp;
	private final Object writeLock = new Object();
	private final byte[] raw = new byte[4096];
	private int rawStart;
	private int rawEnd;
	private State state = State.DATA;
	private int verb;
	private final ByteArrayOutputStream subnegotiation = new ByteArrayOutputStream();
	private final boolean[] weDo = new boolean[256];
	private final boolean[] theyDo = new boolean[256];
	private final ComPortCommands commands;

	public ComPortLine(IByteChannel tcp, Board board) {
		this.tcp = tcp;
		this.commands = new ComPortCommands(board);
	}

	@Override
	public String name() {
		return "rfc2217 " + tcp.name(); //$NON-NLS-1$
	}

	/** Reads data for the firmware; Telnet commands are handled on the way, and a reset ends the read early. */
	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		if (length == 0) {
			return 0;
		}
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
				if (data >= 0 && !commands.inDownloadMode()) {
					buffer[offset + taken++] = (byte) data;
				}
				reset = data == RESET;
			}
			if (taken > 0 || reset) {
				return taken;
			}
		}
	}

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
			return b == SE && commands.handle(subnegotiation.toByteArray(), this::subnegotiate, this::sendData) ? RESET
					: NONE;
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

	public boolean dtr() {
		return commands.dtr();
	}

	public boolean rts() {
		return commands.rts();
	}

	public boolean inDownloadMode() {
		return commands.inDownloadMode();
	}

	/** Data from the firmware, escaped; dropped while the chip waits in the ROM download mode. */
	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		if (!commands.inDownloadMode()) {
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
