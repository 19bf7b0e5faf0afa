/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.util.Objects;

import dev.onramp.core.Secret;

/** A Wi-Fi network and its password; the password never prints. */
public record WifiCredentials(String ssid, Secret password) {

	public WifiCredentials {
		Objects.requireNonNull(ssid);
		if (ssid.isEmpty() || ssid.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 32) {
			throw new IllegalArgumentException("An SSID has 1 to 32 bytes"); //$NON-NLS-1$
		}
		Objects.requireNonNull(password);
	}
}
