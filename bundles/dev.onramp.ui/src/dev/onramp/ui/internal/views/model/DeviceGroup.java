/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

/** The top-level rows of the Device Explorer, in the order it shows them. */
public enum DeviceGroup {
	/** Boards on a serial port (USB, or a pseudo-terminal or serial line over TCP). */
	USB_BOARDS,
	/** Devices announced over mDNS or answering on the network. */
	NETWORK_DEVICES,
	/** ESP-IDF SoftAP/HTTP provisioning endpoints the user added. */
	PROVISIONING_ENDPOINTS,
	/** Devices Onramp gave a certificate, from the certificate inventory. */
	BLESSED_DEVICES
}
