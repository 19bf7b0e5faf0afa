/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Locale;
import java.util.Optional;

/**
 * What a USB device says about itself. Vendor and product ids are 16-bit values; the strings are empty when the
 * device or the operating system does not report them.
 */
public record UsbIdentity(int vendorId, int productId, String serialNumber, String manufacturer, String product) {

	public UsbIdentity {
		if (vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
			throw new IllegalArgumentException("USB ids are 16-bit values"); //$NON-NLS-1$
		}
		serialNumber = serialNumber == null ? "" : serialNumber.trim(); //$NON-NLS-1$
		manufacturer = manufacturer == null ? "" : manufacturer.trim(); //$NON-NLS-1$
		product = product == null ? "" : product.trim(); //$NON-NLS-1$
	}

	/** @return {@code VID:PID} in upper-case hex, as lsusb prints it: {@code 303A:1001} */
	public String vidPid() {
		return String.format(Locale.ROOT, "%04X:%04X", Integer.valueOf(vendorId), Integer.valueOf(productId)); //$NON-NLS-1$
	}

	/** @return the USB-serial bridge or native USB controller, when it is one Onramp knows */
	public Optional<UsbBridge> bridge() {
		return UsbBridge.identify(vendorId, productId);
	}
}
