/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.net.URI;
import java.time.Duration;

import dev.onramp.core.OnrampException;

/** The local certificate authority, device certificates, and TLS checks of what a device serves. */
public interface ICertificateService {

	/** Issues a certificate for a device, creating the local CA on first use when the request asks for it. */
	IssuedCertificate issue(CertificateRequest request) throws OnrampException;

	/**
	 * Connects to {@code url}, captures the served chain without trusting it blindly, and compares it.
	 *
	 * @param expectedFingerprintSha256 the certificate the device must serve (hex), or {@code null} to check
	 *                                  against the local CA with host name verification
	 */
	VerificationOutcome verify(URI url, String expectedFingerprintSha256, Duration timeout) throws OnrampException;
}
