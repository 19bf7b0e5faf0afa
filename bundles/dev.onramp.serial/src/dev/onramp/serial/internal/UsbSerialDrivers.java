/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.Optional;

import dev.onramp.core.UsbIdentity;

/**
 * The USB-serial chips whose driver Windows and macOS users may have to install, known by their USB vendor id: Silicon
 * Labs CP210x (10C4) and WCH CH34x (1A86: CH340, CH343, CH9102). Linux has both drivers in its kernel, and Espressif's
 * native USB (303A) is a standard CDC-ACM device every system drives.
 */
final class UsbSerialDrivers {

	static final int SILICON_LABS = 0x10C4;
	static final int WCH = 0x1A86;

	/** The drivers in one sentence, for when no port is there to tell which chip a board has. */
	static final String BOTH = "A board whose USB-serial chip is a Silicon Labs CP210x (USB id 10C4:EA60) or a WCH" //$NON-NLS-1$
			+ " CH34x (1A86:7523 CH340, 1A86:55D4 CH9102) needs that vendor's driver: the Silicon Labs CP210x USB to" //$NON-NLS-1$
			+ " UART Bridge VCP driver or the WCH CH34x driver; boards with Espressif native USB (303A) need none."; //$NON-NLS-1$

	private UsbSerialDrivers() {
	}

	/** @return whether this platform needs a vendor driver for some USB-serial chips */
	static boolean matter(Platform platform) {
		return platform == Platform.WINDOWS || platform == Platform.MAC;
	}

	/**
	 * @return what to install for this chip on this platform; empty on Linux, for native USB and for chips Onramp does
	 *         not know
	 */
	static Optional<String> hint(Platform platform, Optional<UsbIdentity> usb) {
		if (!matter(platform) || usb.isEmpty()) {
			return Optional.empty();
		}
		String system = platform == Platform.WINDOWS ? "Windows" : "macOS"; //$NON-NLS-1$ //$NON-NLS-2$
		return switch (usb.get().vendorId()) {
		case SILICON_LABS -> Optional.of("The board's USB-serial chip is a Silicon Labs CP210x (" + usb.get().vidPid() //$NON-NLS-1$
				+ "): on " + system + " it needs the Silicon Labs CP210x USB to UART Bridge VCP driver; install or" //$NON-NLS-1$ //$NON-NLS-2$
				+ " update it, then unplug and replug the board."); //$NON-NLS-1$
		case WCH -> Optional.of("The board's USB-serial chip is a WCH CH34x (" + usb.get().vidPid() + "): on " + system //$NON-NLS-1$ //$NON-NLS-2$
				+ " it needs the WCH CH34x driver (CH340, CH343, CH9102); install or update it, then unplug and replug" //$NON-NLS-1$
				+ " the board."); //$NON-NLS-1$
		default -> Optional.empty();
		};
	}
}
