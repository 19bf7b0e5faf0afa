/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import dev.onramp.core.FailureReason;

/** What a TLS check of a device found. */
public enum VerificationOutcome {
	MATCH(null), DIFFERENT_CERTIFICATE(FailureReason.CERTIFICATE_MISMATCH),
	EXPIRED(FailureReason.CERTIFICATE_EXPIRED), UNTRUSTED(FailureReason.CERTIFICATE_UNTRUSTED),
	HOSTNAME_MISMATCH(FailureReason.HOSTNAME_MISMATCH), UNREACHABLE(FailureReason.DEVICE_UNREACHABLE);

	private final FailureReason failure;

	VerificationOutcome(FailureReason failure) {
		this.failure = failure;
	}

	/** @return the failure reason, or {@code null} for {@link #MATCH} */
	public FailureReason failure() {
		return failure;
	}
}
