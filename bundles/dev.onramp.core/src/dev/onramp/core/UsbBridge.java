/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Optional;

/** The USB-serial bridges and native USB controllers found on ESP32-class boards. */
public enum UsbBridge {

	ESPRESSIF_NATIVE_USB(0x303A, -1, "Espressif native USB"), //$NON-NLS-1$
	CP210X(0x10C4, 0xEA60, "Silicon Labs CP210x"), //$NON-NLS-1$
	CH340(0x1A86, 0x7523, "WCH CH340"), //$NON-NLS-1$
	CH9102(0x1A86, 0x55D4, "WCH CH9102"), //$NON-NLS-1$
	FTDI(0x0403, -1, "FTDI"); //$NON-NLS-1$

	private final int vendorId;
	/** -1 matches every product of the vendor */
	private final int productId;
	private final String chipName;

	UsbBridge(int vendorId, int productId, String chipName) {
		this.vendorId = vendorId;
		this.productId = productId;
		this.chipName = chipName;
	}

	/** @return a readable name of the chip, for example {@code Silicon Labs CP210x} */
	public String chipName() {
		return chipName;
	}

	/**
	 * @return whether the Linux kernel's braille display driver (brltty) is known to claim this bridge's ids and
	 *         steal the port
	 */
	public boolean claimedByBrltty() {
		return this == CH340 || this == CP210X;
	}

	public static Optional<UsbBridge> identify(int vendorId, int productId) {
		for (UsbBridge bridge : values()) {
			if (bridge.vendorId == vendorId && (bridge.productId < 0 || bridge.productId == productId)) {
				return Optional.of(bridge);
			}
		}
		return Optional.empty();
	}
}
