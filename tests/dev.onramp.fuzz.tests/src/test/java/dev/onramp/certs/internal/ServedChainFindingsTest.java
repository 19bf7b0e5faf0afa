/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.VerificationOutcome;

/** Served certificates the fuzzer found breaking the verification, each now judged. */
class ServedChainFindingsTest {

	private static X509Certificate leaf(ServedChainFuzzTest.Name... names) {
		return ServedChainFuzzTest.certificate(new X500Name("CN=device.local"), ServedChainFuzzTest.LEAF_KEYS, false, //$NON-NLS-1$
				List.of(names), new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth }, 0, 30, true);
	}

	private static CertificateReport judge(X509Certificate leaf, String host) {
		return ServedChainEvaluator.anchored(List.of(leaf, ServedChainFuzzTest.CA), host,
				List.of(ServedChainFuzzTest.CA), Instant.now());
	}

	@Test
	void anOtherNameBesideTheDnsNameIsSkipped() {
		// was: ClassCastException ([B to String) in HostnameMatcher: the JDK gives otherName, x400Address and
		// ediPartyName alternative names as DER bytes, and any certificate with one of them made the check throw
		for (int kind : new int[] { GeneralName.otherName, GeneralName.x400Address }) {
			X509Certificate leaf = leaf(new ServedChainFuzzTest.Name(kind, "upn@example"), //$NON-NLS-1$
					new ServedChainFuzzTest.Name(GeneralName.dNSName, "device.local")); //$NON-NLS-1$
			CertificateReport report = judge(leaf, "device.local"); //$NON-NLS-1$
			assertEquals(VerificationOutcome.MATCH, report.outcome(), kind + ": " + report.detail());
			assertEquals(VerificationOutcome.HOSTNAME_MISMATCH, judge(leaf, "other.local").outcome()); //$NON-NLS-1$
		}
	}

	@Test
	void anEmptyDnsNameUnderNameConstraintsIsUntrusted() {
		// was: StringIndexOutOfBoundsException from the JDK's DNSName.constrains during path validation, for a leaf
		// whose dNSName is empty, issued under a CA with name constraints (as Onramp's local CA is)
		CertificateReport report = judge(leaf(new ServedChainFuzzTest.Name(GeneralName.dNSName, "")), "device.local"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(VerificationOutcome.UNTRUSTED, report.outcome());
		assertTrue(report.detail().contains("name constraints"), report.detail()); //$NON-NLS-1$
	}
}
