/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.serial;

import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;

import dev.onramp.core.OnrampException;

/**
 * A bidirectional byte stream to a device: a serial port, a serial line carried over TCP, or an in-memory pipe in
 * tests. Every read has a deadline; protocols are written against this interface only.
 */
public interface IByteChannel extends Closeable {

	/** @return a name for messages, for example {@code /dev/ttyACM0} */
	String name();

	/**
	 * Reads at least one byte, waiting at most {@code timeout}.
	 *
	 * @return the number of bytes read, 0 if the timeout elapsed first
	 * @throws OnrampException {@link dev.onramp.core.FailureReason#DEVICE_VANISHED} if the line is gone
	 */
	int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException;

	/** Writes all bytes or fails with {@link dev.onramp.core.FailureReason#DEVICE_VANISHED}. */
	void write(byte[] data, int offset, int length) throws OnrampException;

	default void write(byte[] data) throws OnrampException {
		write(data, 0, data.length);
	}

	boolean isOpen();

	/**
	 * @return the line's modem control lines, when it can carry them (a local serial port, {@code rfc2217://});
	 *         empty for lines without them ({@code socket://}, pipes). A local port whose driver refuses them
	 *         (pseudo-terminals) fails each change with {@link dev.onramp.core.FailureReason#NOT_AVAILABLE}: the
	 *         driver says so only when asked.
	 */
	default Optional<IModemLines> modemLines() {
		return Optional.empty();
	}

	@Override
	void close();
}
