/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * Reads a channel with deadlines: every wait ends at a point in time, so a silent or babbling device ends in
 * {@code TIMEOUT} or {@code PROTOCOL_ERROR}, never a hang. Bytes read past a marker stay buffered for the next call.
 */
final class ReplReader {

	private static final int MAX_SHOWN = 80;

	private final IByteChannel channel;
	private final byte[] chunk = new byte[4096];
	private byte[] pending = new byte[0];

	ReplReader(IByteChannel channel) {
		this.channel = channel;
	}

	IByteChannel channel() {
		return channel;
	}

	static long deadline(Duration timeout) {
		return System.nanoTime() + timeout.toNanos();
	}

	/** Waits for input until the deadline; returns as soon as anything arrived. */
	private int fill(long deadline) throws OnrampException {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return 0;
		}
		int n = channel.read(chunk, 0, chunk.length, Duration.ofNanos(remaining));
		if (n > 0) {
			byte[] joined = Arrays.copyOf(pending, pending.length + n);
			System.arraycopy(chunk, 0, joined, pending.length, n);
			pending = joined;
		}
		return n;
	}

	/** @return the next byte, or -1 if the deadline passed first */
	int readByte(long deadline) throws OnrampException {
		while (pending.length == 0) {
			if (System.nanoTime() - deadline >= 0) {
				return -1;
			}
			fill(deadline);
		}
		int b = pending[0] & 0xff;
		pending = Arrays.copyOfRange(pending, 1, pending.length);
		return b;
	}

	/** @return a byte that has already arrived, or -1; never waits */
	int poll() throws OnrampException {
		if (pending.length == 0) {
			int n = channel.read(chunk, 0, chunk.length, Duration.ZERO);
			if (n > 0) {
				pending = Arrays.copyOf(chunk, n);
			}
		}
		if (pending.length == 0) {
			return -1;
		}
		int b = pending[0] & 0xff;
		pending = Arrays.copyOfRange(pending, 1, pending.length);
		return b;
	}

	/**
	 * Reads up to and including {@code marker}.
	 *
	 * @return the bytes before the marker
	 * @throws Timeout with what arrived, if the deadline passes first
	 */
	byte[] readUntil(byte[] marker, long deadline) throws OnrampException, Timeout {
		int searchFrom = 0;
		while (true) {
			int at = indexOf(pending, marker, searchFrom);
			if (at >= 0) {
				byte[] before = Arrays.copyOf(pending, at);
				pending = Arrays.copyOfRange(pending, at + marker.length, pending.length);
				return before;
			}
			searchFrom = Math.max(0, pending.length - marker.length + 1);
			if (System.nanoTime() - deadline >= 0) {
				throw new Timeout(pending.clone());
			}
			fill(deadline);
		}
	}

	/**
	 * Discards input until the line has been quiet for {@code quiet}, or {@code max} has passed.
	 *
	 * @return what was discarded
	 */
	byte[] drain(Duration quiet, Duration max) throws OnrampException {
		ByteArrayOutputStream drained = new ByteArrayOutputStream();
		drained.writeBytes(pending);
		pending = new byte[0];
		long end = deadline(max);
		while (System.nanoTime() - end < 0) {
			long wait = Math.min(quiet.toNanos(), end - System.nanoTime());
			int n = channel.read(chunk, 0, chunk.length, Duration.ofNanos(Math.max(1, wait)));
			if (n == 0) {
				break;
			}
			drained.write(chunk, 0, n);
		}
		return drained.toByteArray();
	}

	void write(byte[] data) throws OnrampException {
		channel.write(data);
	}

	void write(byte[] data, int offset, int length) throws OnrampException {
		channel.write(data, offset, length);
	}

	private static int indexOf(byte[] data, byte[] marker, int from) {
		outer: for (int i = from; i <= data.length - marker.length; i++) {
			for (int j = 0; j < marker.length; j++) {
				if (data[i + j] != marker[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** @return the tail of some device output, printable, for an error message */
	static String show(byte[] data) {
		int start = Math.max(0, data.length - MAX_SHOWN);
		StringBuilder sb = new StringBuilder(start > 0 ? "…" : ""); //$NON-NLS-1$ //$NON-NLS-2$
		for (int i = start; i < data.length; i++) {
			int c = data[i] & 0xff;
			if (c == '\r') {
				continue;
			}
			if (c == '\n') {
				sb.append("⏎"); //$NON-NLS-1$
			} else if (c >= 0x20 && c < 0x7f) {
				sb.append((char) c);
			} else {
				sb.append(String.format("\\x%02x", Integer.valueOf(c))); //$NON-NLS-1$
			}
		}
		return sb.toString();
	}

	/** The deadline passed; carries what arrived meanwhile. */
	static final class Timeout extends Exception {
		private static final long serialVersionUID = 1L;
		private final byte[] received;

		Timeout(byte[] received) {
			this.received = received;
		}

		byte[] received() {
			return received;
		}

		/** @return TIMEOUT if nothing arrived, else PROTOCOL_ERROR with what the device said */
		OnrampException toException(String what, String port, String hint) {
			if (received.length == 0) {
				return new OnrampException(FailureReason.TIMEOUT, what + ": the device on " + port //$NON-NLS-1$
						+ " did not answer.", hint); //$NON-NLS-1$
			}
			return new OnrampException(FailureReason.PROTOCOL_ERROR, what + ": the device on " + port //$NON-NLS-1$
					+ " printed \"" + show(received) + "\".", hint); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
