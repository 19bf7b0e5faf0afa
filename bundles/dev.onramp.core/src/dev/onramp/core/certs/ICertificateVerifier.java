/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import dev.onramp.core.OnrampException;

/** Checks the certificate a device serves ({@code onramp verify}); the rich form of the core verify. */
public interface ICertificateVerifier {

	/**
	 * Connects, captures the served chain, and decides only afterwards whether it matches. Network and certificate
	 * problems are outcomes, not exceptions.
	 *
	 * @throws OnrampException when the check cannot be made at all: the CA file is unreadable, or there is no local
	 *                         CA to check against
	 */
	CertificateReport check(VerificationRequest request) throws OnrampException;
}
