/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * The state of a serial line carried over TCP ({@code socket://}, {@code rfc2217://}): open, closed here, or ended
 * by its server; and what each means for the one who reads or writes.
 */
final class ServerLine {

	private final String name;
	private final Runnable disconnect;
	private volatile boolean closed;
	private volatile boolean ended;

	/** @param disconnect drops the connection quietly; run when it is closed here or found lost */
	ServerLine(String name, Runnable disconnect) {
		this.name = name;
		this.disconnect = disconnect;
	}

	boolean isOpen() {
		return !closed && !ended;
	}

	boolean isClosed() {
		return closed;
	}

	boolean hasEnded() {
		return ended;
	}

	/** The server ended the connection (its stream ended); reads of what came before may go on. */
	void ended() {
		ended = true;
	}

	void close() {
		closed = true;
		disconnect.run();
	}

	void ensureOpen() throws OnrampException {
		if (closed) {
			throw new OnrampException(FailureReason.DEVICE_VANISHED, "The connection " + name + " is closed."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (ended) {
			throw vanished(null);
		}
	}

	/** @return the failure to throw for a read or write that found the connection gone */
	OnrampException lost(Exception cause) throws OnrampException {
		ensureOpen();
		ended = true;
		disconnect.run();
		return vanished(cause);
	}

	OnrampException vanished(Exception cause) {
		return new OnrampException(FailureReason.DEVICE_VANISHED,
				"The serial server at " + name + " closed the connection.", //$NON-NLS-1$ //$NON-NLS-2$
				"Check that the serial server (ser2net, a simulator) is still running, then connect again.", cause); //$NON-NLS-1$
	}
}
