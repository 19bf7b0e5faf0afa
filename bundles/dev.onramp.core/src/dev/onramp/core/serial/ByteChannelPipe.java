/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.serial;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * Two connected in-memory {@link IByteChannel} ends, like a null-modem cable: what one end writes, the other reads.
 * Protocol tests and in-process simulated devices use it. Closing either end makes the other see the line vanish
 * once it has read what was already sent.
 */
public final class ByteChannelPipe {

	private final Direction aToB = new Direction();
	private final Direction bToA = new Direction();
	private final End a;
	private final End b;

	public ByteChannelPipe(String nameA, String nameB) {
		this.a = new End(nameA, bToA, aToB);
		this.b = new End(nameB, aToB, bToA);
	}

	/** @return the host's end, for example */
	public IByteChannel a() {
		return a;
	}

	/** @return the device's end, for example */
	public IByteChannel b() {
		return b;
	}

	/** One direction of the pipe: a growing byte buffer with a condition for readers. */
	private static final class Direction {
		private final ReentrantLock lock = new ReentrantLock();
		private final Condition dataOrClose = lock.newCondition();
		private byte[] buffer = new byte[256];
		private int start;
		private int end;
		private boolean closed;

		void write(byte[] data, int offset, int length, String name) throws OnrampException {
			lock.lock();
			try {
				if (closed) {
					throw new OnrampException(FailureReason.DEVICE_VANISHED, "The line to " + name + " is closed."); //$NON-NLS-1$ //$NON-NLS-2$
				}
				ensureRoom(length);
				System.arraycopy(data, offset, buffer, end, length);
				end += length;
				dataOrClose.signalAll();
			} finally {
				lock.unlock();
			}
		}

		int read(byte[] target, int offset, int length, Duration timeout, String name) throws OnrampException {
			lock.lock();
			try {
				long remaining = timeout.toNanos();
				while (start == end && !closed) {
					if (remaining <= 0) {
						return 0;
					}
					remaining = dataOrClose.awaitNanos(remaining);
				}
				if (start == end) {
					throw new OnrampException(FailureReason.DEVICE_VANISHED, "The line to " + name + " was closed."); //$NON-NLS-1$ //$NON-NLS-2$
				}
				int count = Math.min(length, end - start);
				System.arraycopy(buffer, start, target, offset, count);
				start += count;
				return count;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new OnrampException(FailureReason.CANCELLED, null, null, e);
			} finally {
				lock.unlock();
			}
		}

		void close() {
			lock.lock();
			try {
				closed = true;
				dataOrClose.signalAll();
			} finally {
				lock.unlock();
			}
		}

		boolean isClosed() {
			lock.lock();
			try {
				return closed;
			} finally {
				lock.unlock();
			}
		}

		private void ensureRoom(int length) {
			if (end + length <= buffer.length) {
				return;
			}
			int used = end - start;
			byte[] larger = used + length <= buffer.length ? buffer : new byte[Math.max(buffer.length * 2, used + length)];
			System.arraycopy(buffer, start, larger, 0, used);
			buffer = larger;
			start = 0;
			end = used;
		}
	}

	private static final class End implements IByteChannel {
		private final String name;
		private final Direction incoming;
		private final Direction outgoing;

		End(String name, Direction incoming, Direction outgoing) {
			this.name = name;
			this.incoming = incoming;
			this.outgoing = outgoing;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
			return incoming.read(buffer, offset, length, timeout, name);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws OnrampException {
			outgoing.write(data, offset, length, name);
		}

		@Override
		public boolean isOpen() {
			return !outgoing.isClosed();
		}

		@Override
		public void close() {
			outgoing.close();
			incoming.close();
		}
	}
}
