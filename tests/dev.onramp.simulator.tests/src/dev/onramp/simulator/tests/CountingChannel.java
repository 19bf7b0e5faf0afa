/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/** A channel that adds the bytes the host writes and reads to counters, which may outlive one connection. */
public final class CountingChannel implements IByteChannel {

	private final IByteChannel delegate;
	private final AtomicLong sent;
	private final AtomicLong received;

	public CountingChannel(IByteChannel delegate, AtomicLong sent, AtomicLong received) {
		this.delegate = delegate;
		this.sent = sent;
		this.received = received;
	}

	@Override
	public String name() {
		return delegate.name();
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		int n = delegate.read(buffer, offset, length, timeout);
		received.addAndGet(n);
		return n;
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		delegate.write(data, offset, length);
		sent.addAndGet(length);
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
