/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.time.Instant;

import dev.onramp.core.Secret;

/**
 * A certificate ready to install on a device: the PEM chain for {@code /certs/servercert.pem} and the PKCS#8 key
 * for {@code /certs/prvtkey.pem}. The key is a {@link Secret}, so it never prints.
 */
public record IssuedCertificate(String hostname, String certificateChainPem, Secret privateKeyPem, String serialHex,
		String fingerprintSha256, Instant notAfter) {
}
