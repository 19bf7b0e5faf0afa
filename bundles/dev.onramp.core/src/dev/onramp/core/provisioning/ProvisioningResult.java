/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.util.Optional;

/**
 * The outcome of giving a device Wi-Fi.
 *
 * @param ssid      the network the device joined
 * @param ipAddress the address it reported, when it did
 * @param security   the security scheme used ({@code 0}, {@code 1}, {@code 2}, {@code improv}, {@code repl})
 * @param remembered whether the device keeps the network across resets; false for a stock MicroPython board, which
 *                   joined for its running session only (it has no Wi-Fi setting of its own)
 */
public record ProvisioningResult(String ssid, Optional<String> ipAddress, String security, boolean remembered) {

	/** A device whose firmware stores the network it was given (protocomm, Improv, pyDirect). */
	public ProvisioningResult(String ssid, Optional<String> ipAddress, String security) {
		this(ssid, ipAddress, security, true);
	}
}
