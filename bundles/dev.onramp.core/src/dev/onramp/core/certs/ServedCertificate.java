/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.time.Instant;
import java.util.List;

/**
 * The certificate a server presented in a TLS handshake, as reported to people and scripts.
 *
 * @param subject                 the subject distinguished name (RFC 2253)
 * @param subjectAlternativeNames DNS names and IP addresses, in certificate order
 * @param issuer                  the issuer distinguished name (RFC 2253)
 * @param notBefore               start of validity
 * @param notAfter                end of validity
 * @param fingerprintSha256       SHA-256 of the DER certificate, upper-case hex pairs separated by colons
 * @param serialHex               serial number, lower-case hex
 * @param chainLength             how many certificates the server sent
 */
public record ServedCertificate(String subject, List<String> subjectAlternativeNames, String issuer,
		Instant notBefore, Instant notAfter, String fingerprintSha256, String serialHex, int chainLength) {

	public ServedCertificate {
		subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
	}
}
