/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

import dev.onramp.core.certs.CaKeyAlgorithm;

/**
 * The local CA in memory: its key and its self-signed certificate. The certificate limits the CA, by a critical
 * name-constraints extension, to the names of {@link LocalNamePolicy}, and to signing end-entity certificates
 * only (path length 0).
 */
public final class LocalCertificateAuthority {

	/** CA certificates are not subject to the 825-day rule; ten years spares users re-trusting it often. */
	static final Duration VALIDITY = Duration.ofDays(3650);

	private final PrivateKey privateKey;
	private final X509Certificate certificate;

	public LocalCertificateAuthority(PrivateKey privateKey, X509Certificate certificate) {
		this.privateKey = privateKey;
		this.certificate = certificate;
	}

	/**
	 * @param commonName the CA's name as users will see it in their trust stores
	 * @param now        the start of validity
	 */
	public static LocalCertificateAuthority create(CaKeyAlgorithm algorithm, String commonName, Instant now) {
		KeyPair keyPair = KeyPairs.generate(algorithm);
		X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Onramp") //$NON-NLS-1$
				.addRDN(BCStyle.CN, commonName).build();
		BigInteger serial = DeviceCertificateFactory.randomSerial();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(now),
				Date.from(now.plus(VALIDITY)), name, keyPair.getPublic());
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			builder.addExtension(Extension.nameConstraints, true, LocalNamePolicy.nameConstraints());
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
		} catch (IOException | NoSuchAlgorithmException e) {
			throw new IllegalStateException("The CA certificate cannot be encoded", e); //$NON-NLS-1$
		}
		X509Certificate certificate = DeviceCertificateFactory.sign(builder, keyPair.getPrivate());
		return new LocalCertificateAuthority(keyPair.getPrivate(), certificate);
	}

	public X509Certificate certificate() {
		return certificate;
	}

	PrivateKey privateKey() {
		return privateKey;
	}

	public CaKeyAlgorithm algorithm() {
		return algorithmOf(certificate);
	}

	static CaKeyAlgorithm algorithmOf(X509Certificate certificate) {
		return certificate.getPublicKey() instanceof ECKey ? CaKeyAlgorithm.EC_P256 : CaKeyAlgorithm.RSA_3072;
	}
}
