/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.eclipse.osgi.util.NLS;

import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.ServedCertificate;
import dev.onramp.core.certs.VerificationOutcome;

/**
 * Judges a served chain after the handshake: against a pinned fingerprint, or by PKIX path validation (name
 * constraints included) against trust anchors followed by the host name check.
 */
final class ServedChainEvaluator {

	private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1"; //$NON-NLS-1$
	private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0"; //$NON-NLS-1$
	private static final String NAME_CONSTRAINTS = "2.5.29.30"; //$NON-NLS-1$

	private ServedChainEvaluator() {
	}

	static CertificateReport pinned(List<X509Certificate> chain, String expectedFingerprint, Instant now) {
		X509Certificate leaf = chain.get(0);
		ServedCertificate served = describe(chain);
		if (!Fingerprints.same(expectedFingerprint, served.fingerprintSha256())) {
			return report(VerificationOutcome.DIFFERENT_CERTIFICATE,
					NLS.bind(Messages.Verify_differentCertificate, served.fingerprintSha256()), served);
		}
		if (!isCurrent(leaf, now)) {
			return report(VerificationOutcome.EXPIRED, expiredDetail(leaf), served);
		}
		return report(VerificationOutcome.MATCH, Messages.Verify_pinnedMatch, served);
	}

	static CertificateReport anchored(List<X509Certificate> chain, String host, List<X509Certificate> anchors,
			Instant now) {
		X509Certificate leaf = chain.get(0);
		ServedCertificate served = describe(chain);
		try {
			List<X509Certificate> path = pathWithoutAnchors(chain, anchors);
			X509Certificate top = path.get(path.size() - 1);
			Set<TrustAnchor> trustAnchors = new HashSet<>();
			for (X509Certificate anchor : anchors) {
				trustAnchors.add(new TrustAnchor(anchor, null));
				if (anchor.getSubjectX500Principal().equals(top.getIssuerX500Principal()) && isSelfIssued(anchor)
						&& anchor.getExtensionValue(NAME_CONSTRAINTS) != null) {
					// the JDK ignores constraints in an anchor certificate; as part of the path they bind the leaf
					path.add(anchor);
				}
			}
			PKIXParameters parameters = new PKIXParameters(trustAnchors);
			parameters.setRevocationEnabled(false); // local CA: no CRL or OCSP to ask
			parameters.setDate(Date.from(now));
			CertPathValidator.getInstance("PKIX").validate( //$NON-NLS-1$
					CertificateFactory.getInstance("X.509").generateCertPath(path), parameters); //$NON-NLS-1$
		} catch (CertPathValidatorException e) {
			if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
				return report(VerificationOutcome.EXPIRED, expiredDetail(leaf), served);
			}
			return report(VerificationOutcome.UNTRUSTED, NLS.bind(Messages.Verify_untrusted, leaf.getIssuerX500Principal()
					.getName(X500Principal.RFC2253), String.valueOf(e.getMessage())), served);
		} catch (GeneralSecurityException e) {
			return report(VerificationOutcome.UNTRUSTED,
					NLS.bind(Messages.Verify_untrusted, leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
							String.valueOf(e.getMessage())),
					served);
		} catch (RuntimeException e) {
			// the JDK's validator can fail unchecked on names it cannot compare (an empty DNS name under a CA with
			// name constraints throws StringIndexOutOfBoundsException): a chain it cannot judge is not trusted
			return report(VerificationOutcome.UNTRUSTED,
					NLS.bind(Messages.Verify_untrusted, leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
							Messages.Verify_uncheckableNames),
					served);
		}
		if (!allowsServerAuth(leaf)) {
			return report(VerificationOutcome.UNTRUSTED, Messages.Verify_notServerCertificate, served);
		}
		if (!HostnameMatcher.matches(leaf, host)) {
			return report(VerificationOutcome.HOSTNAME_MISMATCH, NLS.bind(Messages.Verify_hostnameMismatch, host,
					String.join(", ", served.subjectAlternativeNames())), served); //$NON-NLS-1$
		}
		return report(VerificationOutcome.MATCH, NLS.bind(Messages.Verify_trustedMatch, host), served);
	}

	/** The path runs from the leaf up to, but not including, an anchor; extra certificates after it are ignored. */
	private static List<X509Certificate> pathWithoutAnchors(List<X509Certificate> chain, List<X509Certificate> anchors) {
		List<X509Certificate> path = new ArrayList<>();
		for (X509Certificate certificate : chain) {
			if (anchors.contains(certificate)) {
				break;
			}
			path.add(certificate);
		}
		if (path.isEmpty()) {
			path.add(chain.get(0));
		}
		return path;
	}

	static ServedCertificate describe(List<X509Certificate> chain) {
		X509Certificate leaf = chain.get(0);
		return new ServedCertificate(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
				alternativeNames(leaf), leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
				leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), Fingerprints.sha256(leaf),
				serialHex(leaf.getSerialNumber()), chain.size());
	}

	static String serialHex(BigInteger serial) {
		return serial.toString(16);
	}

	private static List<String> alternativeNames(X509Certificate certificate) {
		List<String> result = new ArrayList<>();
		try {
			Collection<List<?>> names = certificate.getSubjectAlternativeNames();
			if (names != null) {
				for (List<?> name : names) {
					if (name.get(1) instanceof String value) {
						result.add(value);
					}
				}
			}
		} catch (CertificateParsingException e) {
			// reported as no names; the identity check then fails with a clear message
		}
		return result;
	}

	private static boolean allowsServerAuth(X509Certificate leaf) {
		try {
			List<String> usages = leaf.getExtendedKeyUsage();
			return usages == null || usages.contains(SERVER_AUTH) || usages.contains(ANY_EXTENDED_KEY_USAGE);
		} catch (CertificateParsingException e) {
			return false;
		}
	}

	private static boolean isSelfIssued(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
	}

	private static boolean isCurrent(X509Certificate certificate, Instant now) {
		return !now.isBefore(certificate.getNotBefore().toInstant()) && !now.isAfter(certificate.getNotAfter().toInstant());
	}

	private static String expiredDetail(X509Certificate leaf) {
		return NLS.bind(Messages.Verify_expired, leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
	}

	private static CertificateReport report(VerificationOutcome outcome, String detail, ServedCertificate served) {
		return new CertificateReport(outcome, detail, Optional.of(served));
	}
}
