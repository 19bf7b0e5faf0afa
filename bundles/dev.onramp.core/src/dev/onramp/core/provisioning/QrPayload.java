/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.util.Objects;
import java.util.Optional;

import dev.onramp.core.Secret;

/**
 * The provisioning QR payload ESP-IDF's provisioning examples and RainMaker firmware print at boot and phone apps
 * scan: {@code {"ver":"v1","name":"PROV_fc9ea3","pop":"7a9d365e","transport":"softap"}}, for security 2 with
 * {@code username} (and {@code password} in place of {@code pop} in some firmware). The proof of possession is a
 * secret: {@link #toString()} never shows it.
 *
 * @param version           {@code ver}, for example {@code v1}
 * @param name              the device's SoftAP SSID or BLE name, {@code PROV_xxxxxx}
 * @param proofOfPossession {@code pop} (or {@code password}), when the payload has one
 * @param username          security 2 username, when the payload has one
 * @param transport         {@code softap} or {@code ble}, when the payload says
 */
public record QrPayload(String version, String name, Optional<Secret> proofOfPossession, Optional<String> username,
		Optional<ProvisioningTransport> transport) {

	public QrPayload {
		Objects.requireNonNull(version);
		Objects.requireNonNull(name);
		Objects.requireNonNull(proofOfPossession);
		Objects.requireNonNull(username);
		Objects.requireNonNull(transport);
	}

	@Override
	public String toString() {
		return "QrPayload[version=" + version + ", name=" + name + ", transport=" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ transport.map(ProvisioningTransport::id).orElse("?") + ", pop=" //$NON-NLS-1$ //$NON-NLS-2$
				+ (proofOfPossession.isPresent() ? "***" : "none") + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
