/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;

/**
 * A connected raw REPL. Not thread-safe: one job uses a session at a time. Globals persist between snippets until a
 * reset. Closing leaves the raw REPL ({@code Ctrl-B}) and soft-reboots the board ({@code Ctrl-D} at the friendly
 * prompt), so that it runs its firmware again (boot.py, main.py) instead of staying parked in the REPL with its
 * servers stopped; then it closes the channel.
 */
public interface IReplSession extends AutoCloseable {

	/** @return the port name, for messages */
	String portName();

	/**
	 * Runs a snippet and returns its output; a Python exception is a result, not a failure. The code is never logged
	 * nor quoted in error messages, so a snippet may carry a secret (a Wi-Fi password, quoted with
	 * {@link PythonSource#quote(String)}); what the device prints may appear in messages.
	 *
	 * @throws OnrampException {@code TIMEOUT}, {@code PROTOCOL_ERROR} or {@code DEVICE_VANISHED} when the
	 *                         exchange itself fails
	 */
	ExecResult exec(String code, Duration timeout) throws OnrampException;

	/** {@link #exec(String, Duration)} with the session's default limit. */
	ExecResult exec(String code) throws OnrampException;

	/**
	 * Runs a snippet that must not raise.
	 *
	 * @param what a description for the error message, for example "Setting the Wi-Fi network"
	 * @return its standard output
	 * @throws DeviceErrorException if it raised
	 */
	default String execOrThrow(String code, String what) throws OnrampException {
		return exec(code).stdoutOrThrow(what);
	}

	/** @return how snippets are sent now (raw-paste falls back to plain raw on firmware without it) */
	ExecMode mode();

	/** Soft reset ({@code Ctrl-D} at the raw prompt): clears globals, runs boot.py, stays in the raw REPL. */
	void softReset() throws OnrampException;

	/**
	 * Hard reset ({@code machine.reset()}). If the port disappears, the session reopens it through its
	 * {@link IChannelOpener} within the reconnect limit, interrupts the program the device starts, and enters the raw
	 * REPL again.
	 *
	 * @throws OnrampException {@code DEVICE_VANISHED} if the port does not come back in time or the session has no
	 *                         opener
	 */
	void hardReset(IProgressMonitor monitor) throws OnrampException;

	/**
	 * Hard reset ({@code machine.reset()}) that ends the session: the board boots its firmware and the session closes
	 * its channel without interrupting it again. For flows that end with a reset (a re-provision).
	 */
	void resetAndClose() throws OnrampException;

	/** @return implementation, version, board, MAC and hostname (read once, then cached until a reset) */
	DeviceIdentity identify() throws OnrampException;

	IDeviceFileSystem files();

	boolean isOpen();

	@Override
	void close();
}
