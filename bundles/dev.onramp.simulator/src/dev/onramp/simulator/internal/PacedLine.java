/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * A serial line of a given baud rate (8N1: 10 bit times per byte) between the two ends of an in-memory pipe. Each
 * write is stamped with the time its last byte would arrive, the line carrying the bytes back to back after what is
 * still in flight; a reader gets bytes only once they would have arrived. Because arrival follows the writer's clock,
 * a reader that wakes late (a busy machine) catches up instead of slowing the line down; round trips still cost what
 * they cost.
 */
public final class PacedLine {

	private static final int MAX_READ = 64;

	private final long nanosPerByte;
	private final Direction toDevice = new Direction();
	private final Direction toHost = new Direction();

	public PacedLine(int baudRate) {
		this.nanosPerByte = 10_000_000_000L / baudRate;
	}

	public IByteChannel hostEnd(IByteChannel pipeEnd) {
		return new End(pipeEnd, toDevice, toHost);
	}

	public IByteChannel deviceEnd(IByteChannel pipeEnd) {
		return new End(pipeEnd, toHost, toDevice);
	}

	/** Arrival times of the bytes in one direction. */
	private final class Direction {
		/** {index after the segment's last byte, arrival time of that byte} */
		private final ArrayDeque<long[]> segments = new ArrayDeque<>();
		private long written;
		private long consumed;
		private long lastArrival;

		synchronized void stamp(int length) {
			long start = Math.max(System.nanoTime(), lastArrival);
			lastArrival = start + length * nanosPerByte;
			written += length;
			segments.addLast(new long[] { written, lastArrival });
		}

		/** @return when the last of the next {@code length} bytes arrives */
		synchronized long consume(int length) {
			long last = consumed + length - 1;
			consumed += length;
			while (!segments.isEmpty() && segments.peekFirst()[0] <= last) {
				segments.pollFirst();
			}
			long[] segment = segments.peekFirst();
			if (segment == null) {
				return System.nanoTime();
			}
			return segment[1] - (segment[0] - 1 - last) * nanosPerByte;
		}
	}

	private static final class End implements IByteChannel {
		private final IByteChannel delegate;
		private final Direction incoming;
		private final Direction outgoing;

		End(IByteChannel delegate, Direction incoming, Direction outgoing) {
			this.delegate = delegate;
			this.incoming = incoming;
			this.outgoing = outgoing;
		}

		@Override
		public String name() {
			return delegate.name();
		}

		@Override
		public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
			int n = delegate.read(buffer, offset, Math.min(length, MAX_READ), timeout);
			if (n > 0) {
				long arrival = incoming.consume(n);
				long wait;
				while ((wait = arrival - System.nanoTime()) > 0) {
					// rate simulation: the bytes are still on the wire
					LockSupport.parkNanos(wait);
				}
			}
			return n;
		}

		@Override
		public void write(byte[] data, int offset, int length) throws OnrampException {
			outgoing.stamp(length);
			delegate.write(data, offset, length);
		}

		@Override
		public boolean isOpen() {
			return delegate.isOpen();
		}

		@Override
		public void close() {
			delegate.close();
		}
	}
}
