/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.serial;

import java.util.Objects;
import java.util.Optional;

import dev.onramp.core.UsbIdentity;

/**
 * A serial port of this computer.
 *
 * @param systemPath  the path the operating system uses now ({@code /dev/ttyUSB0}, {@code COM3})
 * @param stablePath  a path that survives renumbering ({@code /dev/serial/by-id/...}), or empty
 * @param description what the driver calls the port
 * @param usb         the USB identity, empty for ports that are not USB
 * @param access      whether this process can open it
 */
public record SerialPortInfo(String systemPath, String stablePath, String description, Optional<UsbIdentity> usb,
		PortAccess access) {

	public SerialPortInfo {
		Objects.requireNonNull(systemPath);
		stablePath = stablePath == null ? "" : stablePath; //$NON-NLS-1$
		description = description == null ? "" : description; //$NON-NLS-1$
		usb = usb == null ? Optional.empty() : usb;
		access = access == null ? PortAccess.UNKNOWN : access;
	}

	/** @return the stable path when there is one, else the system path */
	public String preferredPath() {
		return stablePath.isEmpty() ? systemPath : stablePath;
	}
}
