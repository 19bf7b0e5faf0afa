/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.identify;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * Finds out what answers on a serial port: a MicroPython (or pyDirect) REPL, an Improv Wi-Fi device or an ESP-IDF
 * console. Every exchange has a short deadline and uses only bytes that leave each kind of device as it was, so a
 * port can be asked without knowing what is behind it.
 */
public interface IDeviceIdentifier {

	/** Serial ports are opened at this rate: the default of MicroPython, Improv firmware and ESP-IDF consoles. */
	int BAUD_RATE = 115200;

	/**
	 * Opens the port at {@link #BAUD_RATE}, identifies the device and closes the port.
	 *
	 * @param port a device path, a {@code /dev/serial/by-id/} link, {@code COM3}, {@code socket://host:port} or {@code rfc2217://host:port}
	 * @throws OnrampException {@code PORT_NOT_FOUND}, {@code PORT_BUSY} or {@code PERMISSION_DENIED} when the port
	 *                         cannot be opened; {@code TIMEOUT} when nothing answered, with a message that says
	 *                         whether the line stayed silent, carried garbage or text; {@code DEVICE_VANISHED} when
	 *                         the line dropped; {@code CANCELLED}
	 */
	PortIdentity identify(String port, IProgressMonitor monitor) throws OnrampException;

	/**
	 * Identifies the device on a channel the caller opened; the channel stays open and the caller's.
	 *
	 * @throws OnrampException as {@link #identify(String, IProgressMonitor)}, except the port failures
	 */
	PortIdentity identify(IByteChannel channel, IProgressMonitor monitor) throws OnrampException;
}
