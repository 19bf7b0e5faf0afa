/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.ArrayList;
import java.util.List;

import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;

/** What to tell a user about a list of ports on this platform: why a board may be missing, or not accessible. */
final class PortAdvice {

	private PortAdvice() {
	}

	static List<String> advise(Platform platform, List<SerialPortInfo> ports) {
		List<String> advice = new ArrayList<>();
		if (ports.isEmpty()) {
			advice.add("No serial ports found. Connect a board with a data-capable USB cable (some cables only charge)."); //$NON-NLS-1$
			switch (platform) {
			case WINDOWS -> {
				advice.add("Windows lists a board without its driver in Device Manager under Other devices, and with" //$NON-NLS-1$
						+ " it under Ports (COM & LPT) as COM3, COM4, ..."); //$NON-NLS-1$
				advice.add(UsbSerialDrivers.BOTH);
			}
			case MAC -> {
				advice.add("macOS shows a board in System Information under USB even without its driver; with it," //$NON-NLS-1$
						+ " the port is /dev/cu.usbserial-..., /dev/cu.SLAB_USBtoUART, /dev/cu.wchusbserial... or" //$NON-NLS-1$
						+ " /dev/cu.usbmodem... (native USB)."); //$NON-NLS-1$
				advice.add(UsbSerialDrivers.BOTH);
			}
			case LINUX -> advice.add("Linux has the CP210x, CH34x and native USB drivers built in: if the board is" //$NON-NLS-1$
					+ " not listed, see what the kernel says when you plug it in (sudo dmesg --follow)."); //$NON-NLS-1$
			default -> {
				// no advice we could stand behind for other systems
			}
			}
		}
		if (platform == Platform.LINUX && ports.stream().anyMatch(p -> p.access() == PortAccess.PERMISSION_DENIED)) {
			advice.add("Some ports are not accessible: add yourself to the port's group (usually dialout, uucp on Arch" //$NON-NLS-1$
					+ " and Fedora): sudo usermod -aG dialout $USER, then log out and in again."); //$NON-NLS-1$
		}
		return advice;
	}
}
