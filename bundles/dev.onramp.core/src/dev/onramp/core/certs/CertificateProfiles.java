/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.net.InetAddress;
import java.util.List;


/** The standard requests for device certificates and the validity rules they obey. */
public final class CertificateProfiles {

	/** Validity of a CA-issued certificate unless asked otherwise: what public CAs may issue (398 days) less one. */
	public static final int DEFAULT_CA_VALIDITY_DAYS = 397;
	/** Longest validity Apple platforms accept for a TLS server certificate; the service refuses more. */
	public static final int MAX_CA_VALIDITY_DAYS = 825;
	/** The pyDirect web installer's self-signed certificates last ten years. */
	public static final int PYDIRECT_VALIDITY_DAYS = 3650;
	/** Self-signed certificates are never made longer than this. */
	public static final int MAX_SELF_SIGNED_VALIDITY_DAYS = PYDIRECT_VALIDITY_DAYS;

	private CertificateProfiles() {
	}

	/** @return an ECDSA P-256 certificate from the local CA, valid for {@value #DEFAULT_CA_VALIDITY_DAYS} days */
	public static CertificateRequest caIssued(String hostname, List<InetAddress> ipAddresses) {
		return new CertificateRequest(hostname, ipAddresses, KeyType.EC_P256, DEFAULT_CA_VALIDITY_DAYS, TrustMode.CA);
	}

	/** @return the pyDirect web installer's profile: RSA-2048, self-signed, SHA-256, ten years */
	public static CertificateRequest pyDirectSelfSigned(String hostname) {
		return new CertificateRequest(hostname, List.of(), KeyType.RSA_2048, PYDIRECT_VALIDITY_DAYS,
				TrustMode.SELF_SIGNED);
	}

	/** @return the longest validity the service accepts for the trust mode */
	public static int maxValidityDays(TrustMode trust) {
		return trust == TrustMode.CA ? MAX_CA_VALIDITY_DAYS : MAX_SELF_SIGNED_VALIDITY_DAYS;
	}
}
