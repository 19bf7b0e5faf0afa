/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.util.Locale;
import java.util.Optional;

/**
 * How ESP-IDF unified provisioning (protocomm) reaches the device. The protocol above it — proto-ver, security
 * 0/1/2, scan, config, status — is the same on every transport.
 */
public enum ProvisioningTransport {
	/** The device's access point, {@code POST /<endpoint>} over HTTP; the address is {@code HOST:PORT}. */
	SOFTAP,
	/** ESP-IDF's protocomm console on the device's UART; the address is a serial port. */
	CONSOLE,
	/** A GATT service over Bluetooth Low Energy; the address is the advertised name, {@code PROV_xxxxxx}. */
	BLE;

	/** @return the name users type and reports carry: {@code softap}, {@code console} or {@code ble} */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @return the transport named {@code id}, in any case */
	public static Optional<ProvisioningTransport> of(String id) {
		for (ProvisioningTransport transport : values()) {
			if (transport.id().equalsIgnoreCase(id)) {
				return Optional.of(transport);
			}
		}
		return Optional.empty();
	}
}
