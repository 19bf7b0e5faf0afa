/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * Opens MicroPython REPL sessions (pyDirect and any MicroPython board) on a byte channel. Connecting interrupts a
 * running program (main.py) and enters the raw REPL; every later read has a deadline.
 */
public interface IReplService {

	/**
	 * Connects on an already open channel. A hard reset that makes the line vanish cannot reconnect such a session.
	 * The session owns the channel and closes it.
	 *
	 * @throws OnrampException {@code TIMEOUT} if the device stays silent, {@code PROTOCOL_ERROR} if it answers
	 *                         something else than a MicroPython REPL, {@code DEVICE_VANISHED} if the line drops
	 */
	IReplSession connect(IByteChannel channel, IProgressMonitor monitor) throws OnrampException;

	/**
	 * Opens the channel through {@code opener} and connects; the session uses the opener again to reconnect after a
	 * hard reset makes the port disappear and come back.
	 */
	IReplSession connect(IChannelOpener opener, ReplOptions options, IProgressMonitor monitor) throws OnrampException;
}
