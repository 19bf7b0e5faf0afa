/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;

/**
 * The port as the probes share it. It keeps what the device sent (the last {@value #KEPT} bytes), so that what one
 * probe provoked can steer the next and explain a failure. Closing it leaves the port open: a probe that gives up
 * (the REPL client closes its channel when it fails) must not take the port from the probes after it.
 */
final class ProbeLine implements IByteChannel {

	static final int KEPT = 16 * 1024;

	private final IByteChannel port;
	private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

	ProbeLine(IByteChannel port) {
		this.port = port;
	}

	/** How many bytes the device has sent in all. */
	private long received;

	/** @return how many bytes the device has sent since the probing began: a mark for {@link #since(long)} */
	long received() {
		return received;
	}

	/** @return what the device sent after {@code mark} (at most the kept bytes), oldest first */
	byte[] since(long mark) {
		byte[] all = transcript.toByteArray();
		int count = (int) Math.min(all.length, Math.max(0, received - mark));
		return Arrays.copyOfRange(all, all.length - count, all.length);
	}

	/** @return the device's output so far (its last {@value #KEPT} bytes), oldest first */
	byte[] transcript() {
		return transcript.toByteArray();
	}

	@Override
	public String name() {
		return port.name();
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		int n = port.read(buffer, offset, length, timeout);
		if (n > 0) {
			keep(buffer, offset, n);
		}
		return n;
	}

	private void keep(byte[] buffer, int offset, int length) {
		received += length;
		transcript.write(buffer, offset, length);
		if (transcript.size() > 2 * KEPT) {
			byte[] all = transcript.toByteArray();
			transcript.reset();
			transcript.write(all, all.length - KEPT, KEPT);
		}
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		port.write(data, offset, length);
	}

	@Override
	public boolean isOpen() {
		return port.isOpen();
	}

	@Override
	public Optional<IModemLines> modemLines() {
		return port.modemLines();
	}

	/** Leaves the port open: it belongs to whoever opened it. */
	@Override
	public void close() {
		// the port outlives every probe
	}
}
