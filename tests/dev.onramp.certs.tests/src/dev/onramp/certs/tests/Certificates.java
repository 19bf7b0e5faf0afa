/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import dev.onramp.certs.internal.Pem;
import dev.onramp.core.Secret;

/** Test helpers: parse what the service produced and check it with the JDK alone. */
final class Certificates {

	private Certificates() {
	}

	static List<X509Certificate> parse(String pem) throws CertificateException {
		return Pem.parseCertificates(pem.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Validates leaf-first {@code path} with the JDK's PKIX validator and the CA as trust anchor; throws on failure.
	 * The JDK ignores the constraints of an anchor certificate (RFC 5280 leaves that open; browsers apply them), so
	 * the self-signed CA certificate also ends the path, where its name constraints bind the certificates below.
	 */
	static void validate(List<X509Certificate> path, X509Certificate anchor) throws GeneralSecurityException {
		List<X509Certificate> withAnchor = new ArrayList<>(path);
		withAnchor.add(anchor);
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
		parameters.setRevocationEnabled(false);
		CertPathValidator.getInstance("PKIX").validate( //$NON-NLS-1$
				CertificateFactory.getInstance("X.509").generateCertPath(withAnchor), parameters); //$NON-NLS-1$
	}

	static PrivateKey parsePkcs8(Secret pem) throws GeneralSecurityException {
		String text = pem.reveal();
		String body = text.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				.replaceAll("\\s", ""); //$NON-NLS-1$ //$NON-NLS-2$
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
		try {
			return KeyFactory.getInstance("EC").generatePrivate(spec); //$NON-NLS-1$
		} catch (GeneralSecurityException notEc) {
			return KeyFactory.getInstance("RSA").generatePrivate(spec); //$NON-NLS-1$
		}
	}

	/** @return whether a signature made with {@code privateKey} verifies with {@code publicKey} */
	static boolean pairMatches(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
		String algorithm = publicKey instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA"; //$NON-NLS-1$ //$NON-NLS-2$
		byte[] data = "onramp key pair check".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
		Signature signer = Signature.getInstance(algorithm);
		signer.initSign(privateKey);
		signer.update(data);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance(algorithm);
		verifier.initVerify(publicKey);
		verifier.update(data);
		return verifier.verify(signature);
	}
}
