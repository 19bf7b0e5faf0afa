/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.List;
import java.util.Optional;

import dev.onramp.core.UsbIdentity;

/**
 * What is known after the operating system refused to open a serial port.
 *
 * @param requestedPort the port as the user named it, for example a {@code /dev/serial/by-id/} link
 * @param devicePath    the device it names, for example {@code /dev/ttyUSB0}
 * @param platform      the operating system
 * @param errorCode     errno on Linux and macOS, the Win32 error code on Windows
 * @param ownership     the group owning the device node (Linux), when known
 * @param usb           the USB identity of the port, when known
 * @param holders       the other processes holding the port, when known
 */
record PortOpenFailure(String requestedPort, String devicePath, Platform platform, int errorCode,
		Optional<DeviceNodeOwnership> ownership, Optional<UsbIdentity> usb, List<PortHolder> holders) {

	PortOpenFailure {
		ownership = ownership == null ? Optional.empty() : ownership;
		usb = usb == null ? Optional.empty() : usb;
		holders = holders == null ? List.of() : List.copyOf(holders);
	}

	/** @return the requested port, followed by the device it names when that is a different path */
	String portName() {
		return requestedPort.equals(devicePath) ? requestedPort : requestedPort + " (" + devicePath + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
