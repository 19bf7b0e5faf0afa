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
	/**
	 * Bytes read past what was consumed: {@code pending[head..tail)}. Consuming moves {@code head}, so reading a long
	 * answer byte by byte costs no copy per byte; the array grows by doubling with what arrives.
	 */
	private byte[] pending = new byte[4096];
	private int head;
	private int tail;

	ReplReader(IByteChannel channel) {
		this.channel = channel;
	}

	IByteChannel channel() {
		return channel;
	}

	static long deadline(Duration timeout) {
		return System.nanoTime() + timeout.toNanos();
	}

	private int available() {
		return tail - head;
	}

	private void append(byte[] data, int length) {
		if (head > 0 && head == tail) {
			head = 0;
			tail = 0;
		}
		if (tail + length > pending.length) {
			int kept = available();
			byte[] target = kept + length > pending.length
					? new byte[Math.max(pending.length * 2, kept + length)]
					: pending;
			System.arraycopy(pending, head, target, 0, kept);
			pending = target;
			head = 0;
			tail = kept;
		}
		System.arraycopy(data, 0, pending, tail, length);
		tail += length;
	}

	private byte[] take(int length) {
		byte[] taken = Arrays.copyOfRange(pending, head, head + length);
		head += length;
		return taken;
	}

	/** Waits for input until the deadline; returns as soon as anything arrived. */
	private int fill(long deadline) throws OnrampException {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return 0;
		}
		int n = channel.read(chunk, 0, chunk.length, Duration.ofNanos(remaining));
		if (n > 0) {
			append(chunk, n);
		}
		return n;
	}

	/** @return whether bytes have arrived that nobody has read yet */
	boolean hasPending() {
		return pending.length > 0;
	}

	/** @return the next byte, or -1 if the deadline passed first */
	int readByte(long deadline) throws OnrampException {
		while (available() == 0) {
			if (System.nanoTime() - deadline >= 0) {
				return -1;
			}
			fill(deadline);
		}
		return pending[head++] & 0xff;
	}

	/** @return a byte that has already arrived, or -1; never waits */
	int poll() throws OnrampException {
		if (available() == 0) {
			int n = channel.read(chunk, 0, chunk.length, Duration.ZERO);
			if (n > 0) {
				append(chunk, n);
			}
		}
		if (available() == 0) {
			return -1;
		}
		return pending[head++] & 0xff;
	}

	/**
	 * Reads up to and including {@code marker}.
	 *
	 * @return the bytes before the marker
	 * @throws Timeout with what arrived, if the deadline passes first
	 */
	byte[] readUntil(byte[] marker, long deadline) throws OnrampException, Timeout {
		int searchFrom = head;
		while (true) {
			int at = indexOf(pending, tail, marker, searchFrom);
			if (at >= 0) {
				byte[] before = take(at - head);
				head += marker.length;
				return before;
			}
			// offsets relative to head: appending may move the bytes to the array's start
			int searched = Math.max(0, available() - marker.length + 1);
			if (System.nanoTime() - deadline >= 0) {
				throw new Timeout(Arrays.copyOfRange(pending, head, tail));
			}
			fill(deadline);
			searchFrom = head + searched;
		}
	}

	/**
	 * Discards input until the line has been quiet for {@code quiet}, or {@code max} has passed.
	 *
	 * @return what was discarded
	 */
	byte[] drain(Duration quiet, Duration max) throws OnrampException {
		ByteArrayOutputStream drained = new ByteArrayOutputStream();
		drained.write(pending, head, available());
		head = 0;
		tail = 0;
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

	private static int indexOf(byte[] data, int end, byte[] marker, int from) {
		outer: for (int i = from; i <= end - marker.length; i++) {
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
