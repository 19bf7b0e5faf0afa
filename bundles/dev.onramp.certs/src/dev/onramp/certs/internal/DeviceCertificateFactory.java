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
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.onramp.core.certs.KeyType;

/**
 * Builds TLS server certificates. It checks nothing about the names: {@link LocalCertificateService} applies the
 * policy first, and tests use this class directly to build certificates the service would refuse.
 */
public final class DeviceCertificateFactory {

	/** A certificate with its key pair and the chain to serve (leaf first, then the CA when there is one). */
	public record DeviceCertificate(X509Certificate certificate, KeyPair keyPair, List<X509Certificate> chain) {
	}

	private DeviceCertificateFactory() {
	}

	/**
	 * @param commonName subject CN
	 * @param dnsNames   DNS subject alternative names, wildcards allowed
	 * @param addresses  IP subject alternative names
	 * @param keyType    the algorithm of the new key, which also decides the key usage
	 * @param issuer     the CA that signs, or empty for a self-signed certificate
	 */
	public static DeviceCertificate create(String commonName, List<String> dnsNames, List<InetAddress> addresses,
			KeyType keyType, Instant notBefore, Instant notAfter, Optional<LocalCertificateAuthority> issuer) {
		KeyPair keyPair = KeyPairs.generate(keyType);
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
		X500Name issuerName = issuer
				.map(ca -> X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()))
				.orElse(subject);
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, randomSerial(),
				Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic());
		try {
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, keyUsage(keyType));
			builder.addExtension(Extension.extendedKeyUsage, false,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(dnsNames, addresses));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
			if (issuer.isPresent()) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(issuer.get().certificate()));
			}
		} catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("The certificate cannot be encoded", e); //$NON-NLS-1$
		}
		PrivateKey signingKey = issuer.map(LocalCertificateAuthority::privateKey).orElse(keyPair.getPrivate());
		X509Certificate certificate = sign(builder, signingKey);
		List<X509Certificate> chain = issuer.isPresent() ? List.of(certificate, issuer.get().certificate())
				: List.of(certificate);
		return new DeviceCertificate(certificate, keyPair, chain);
	}

	/** @return a positive serial of exactly 128 bits, 127 of them random (CA/Browser Forum asks for 64) */
	static BigInteger randomSerial() {
		return new BigInteger(127, KeyPairs.random()).setBit(127);
	}

	static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
		try {
			ContentSigner signer = new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(signingKey)).build(signingKey);
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		} catch (OperatorCreationException | CertificateException e) {
			throw new IllegalStateException("The certificate cannot be signed", e); //$NON-NLS-1$
		}
	}

	/** RSA keys may also encipher (TLS 1.2 RSA key exchange); EC keys only sign. */
	private static KeyUsage keyUsage(KeyType keyType) {
		return switch (keyType) {
		case EC_P256 -> new KeyUsage(KeyUsage.digitalSignature);
		case RSA_2048 -> new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
		};
	}

	private static GeneralNames alternativeNames(List<String> dnsNames, List<InetAddress> addresses) {
		List<GeneralName> names = new ArrayList<>();
		for (String dns : dnsNames) {
			names.add(new GeneralName(GeneralName.dNSName, dns));
		}
		for (InetAddress address : addresses) {
			names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
		}
		return new GeneralNames(names.toArray(GeneralName[]::new));
	}
}
