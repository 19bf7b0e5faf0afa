/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 certificate fingerprints in the form browsers and {@code openssl x509 -fingerprint} show. */
public final class Fingerprints {

	private static final HexFormat COLON_PAIRS = HexFormat.ofDelimiter(":").withUpperCase(); //$NON-NLS-1$

	private Fingerprints() {
	}

	/** @return {@code AB:CD:...}, 32 pairs */
	public static String sha256(X509Certificate certificate) {
		try {
			return sha256(certificate.getEncoded());
		} catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String sha256(byte[] der) {
		try {
			return COLON_PAIRS.formatHex(MessageDigest.getInstance("SHA-256").digest(der)); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return the fingerprint as bare lower-case hex, whatever separators and case the user typed */
	public static String normalize(String fingerprint) {
		String hex = fingerprint.trim().toLowerCase(Locale.ROOT);
		if (hex.startsWith("sha256:") || hex.startsWith("sha256=")) { //$NON-NLS-1$ //$NON-NLS-2$
			hex = hex.substring(7);
		}
		return hex.replaceAll("[^0-9a-f]", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	public static boolean same(String a, String b) {
		String left = normalize(a);
		return left.length() == 64 && MessageDigest.isEqual(left.getBytes(), normalize(b).getBytes());
	}
}
