/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.util.Objects;
import java.util.Optional;


/**
 * The result of a TLS check: the outcome, one sentence explaining it, and the served certificate when the
 * handshake got that far.
 */
public record CertificateReport(VerificationOutcome outcome, String detail, Optional<ServedCertificate> served) {

	public CertificateReport {
		Objects.requireNonNull(outcome);
		Objects.requireNonNull(detail);
		Objects.requireNonNull(served);
	}

	public boolean matches() {
		return outcome == VerificationOutcome.MATCH;
	}
}
