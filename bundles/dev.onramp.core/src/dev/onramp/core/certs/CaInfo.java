/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code onramp ca show} prints about the local certificate authority. Nothing here is secret.
 *
 * @param subject           the CA's distinguished name
 * @param fingerprintSha256 SHA-256 of the DER certificate, upper-case hex pairs separated by colons
 * @param keyAlgorithm      the CA key's algorithm
 * @param notBefore         start of validity
 * @param notAfter          end of validity
 * @param certificateFile   the public certificate (PEM) in the data directory
 * @param keyStoreFile      the encrypted PKCS#12 key store holding the CA key
 */
public record CaInfo(String subject, String fingerprintSha256, CaKeyAlgorithm keyAlgorithm, Instant notBefore,
		Instant notAfter, Path certificateFile, Path keyStoreFile) {
}
