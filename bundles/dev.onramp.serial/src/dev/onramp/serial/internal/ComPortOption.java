/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.OptionalInt;

import org.apache.commons.net.telnet.TelnetOptionHandler;

/**
 * The client's side of the Telnet COM-PORT-OPTION (RFC 2217): the option this end offers (WILL), the commands it
 * sends as subnegotiations, and what it learns from the server's answers (code + 100).
 */
final class ComPortOption extends TelnetOptionHandler {

	static final int OPTION = 44;

	static final int SET_BAUDRATE = 1;
	static final int SET_DATASIZE = 2;
	static final int SET_PARITY = 3;
	static final int SET_STOPSIZE = 4;
	static final int SET_CONTROL = 5;
	static final int PURGE_DATA = 12;

	static final int PARITY_NONE = 1;
	static final int STOPSIZE_ONE = 1;
	static final int CONTROL_DTR_ON = 8;
	static final int CONTROL_DTR_OFF = 9;
	static final int CONTROL_RTS_ON = 11;
	static final int CONTROL_RTS_OFF = 12;
	static final int PURGE_BOTH = 3;

	private static final int SERVER_ANSWER = 100;

	private volatile int serverBaudRate = -1;

	ComPortOption() {
		// offer the option at once, accept it being enabled on this side only: a server does not offer it
		super(OPTION, true, false, true, false);
	}

	static int[] command(int command, int value) {
		return new int[] { OPTION, command, value };
	}

	static int[] baudRate(int bitsPerSecond) {
		return new int[] { OPTION, SET_BAUDRATE, bitsPerSecond >>> 24, bitsPerSecond >>> 16 & 0xFF,
				bitsPerSecond >>> 8 & 0xFF, bitsPerSecond & 0xFF };
	}

	/** @return the baud rate the server last reported, if it answered a SET-BAUDRATE */
	OptionalInt serverBaudRate() {
		int rate = serverBaudRate;
		return rate < 0 ? OptionalInt.empty() : OptionalInt.of(rate);
	}

	/** Records the answers this client needs; nothing of them is answered back. */
	@Override
	public int[] answerSubnegotiation(int[] data, int length) {
		if (length >= 6 && data[0] == OPTION && data[1] == SERVER_ANSWER + SET_BAUDRATE) {
			serverBaudRate = (data[2] & 0xFF) << 24 | (data[3] & 0xFF) << 16 | (data[4] & 0xFF) << 8 | data[5] & 0xFF;
		}
		return null;
	}
}
