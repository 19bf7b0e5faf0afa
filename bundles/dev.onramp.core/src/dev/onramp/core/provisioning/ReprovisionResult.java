/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.time.Instant;
import java.util.Optional;

/**
 * What a blessing achieved.
 *
 * @param hostname          the certified host name without {@code .local}
 * @param url               {@code https://<hostname>.local/} (with the port when it is not 443)
 * @param fingerprintSha256 of the installed certificate
 * @param notAfter          when the certificate expires
 * @param verified          true when the device, after its reset, served exactly this certificate; false with
 *                          {@code --no-reset}
 * @param ipAddress         the address the device was reached at after the reset, when known
 * @param foundBy           how the device was found after the reset: {@code mdns}, {@code ip}, or {@code none}
 *                          with {@code --no-reset}
 */
public record ReprovisionResult(String hostname, String url, String fingerprintSha256, Instant notAfter,
		boolean verified, Optional<String> ipAddress, String foundBy) {
}
