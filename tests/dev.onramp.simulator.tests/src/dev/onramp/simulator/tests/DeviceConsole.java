/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/** The host's end of a serial line to a simulated board, read as text: what a terminal shows. */
final class DeviceConsole implements AutoCloseable {

	static final String RAW_BANNER = "raw REPL; CTRL-B to exit\r\n>";

	private final IByteChannel line;
	private final StringBuilder seen = new StringBuilder();
	private int mark;

	DeviceConsole(IByteChannel line) {
		this.line = line;
	}

	void send(String text) throws OnrampException {
		line.write(text.getBytes(StandardCharsets.UTF_8));
	}

	/** @return whether {@code text} arrived after the mark within the timeout; moves the mark past it if so */
	boolean await(String text, Duration timeout) throws OnrampException {
		long deadline = System.nanoTime() + timeout.toNanos();
		byte[] buffer = new byte[1024];
		while (true) {
			int at = seen.indexOf(text, mark);
			if (at >= 0) {
				mark = at + text.length();
				return true;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			int n = line.read(buffer, 0, buffer.length, Duration.ofNanos(Math.min(left, 50_000_000L)));
			seen.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
		}
	}

	/** @return everything received so far */
	String seen() {
		return seen.toString();
	}

	@Override
	public void close() {
		line.close();
	}
}
