/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.serial;

import java.util.List;

import dev.onramp.core.OnrampException;

/** The serial ports of this computer and the channels to the devices behind them. */
public interface ISerialPortService {

	/** @return the serial ports present now, sorted by system path; never blocks on a device */
	List<SerialPortInfo> listPorts();

	/**
	 * @param ports a list of {@link #listPorts()}
	 * @return what a user should know about it on this computer's platform, one paragraph each, empty when all is
	 *         well: why a board may be missing (the cable, and on Windows and macOS the driver of its USB-serial chip)
	 *         and how to get at ports this user may not open
	 */
	default List<String> advice(List<SerialPortInfo> ports) {
		return List.of();
	}

	/**
	 * Opens a port exclusively.
	 *
	 * @param port     a device path, a {@code /dev/serial/by-id/} link, {@code COM3}, {@code socket://host:port}, or
	 *                 {@code rfc2217://host:port} (a port shared with RFC 2217, with its modem lines)
	 * @param baudRate for real serial ports and {@code rfc2217://} (0 keeps the server's rate); ignored by channels
	 *                 that have no baud rate
	 * @throws OnrampException {@code PORT_NOT_FOUND}, {@code PORT_BUSY} or {@code PERMISSION_DENIED}, each with the
	 *                         fix in its hint
	 */
	IByteChannel open(String port, int baudRate) throws OnrampException;

	void addPortListener(IPortListener listener);

	void removePortListener(IPortListener listener);
}
