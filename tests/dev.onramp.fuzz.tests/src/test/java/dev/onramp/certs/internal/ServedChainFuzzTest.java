/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import dev.onramp.fuzz.Mutations.Edit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What a device serves in TLS, judged after the handshake: certificates with every kind of subject alternative name,
 * usage and validity, signed by a local CA, and DER mutations of them that the JDK still parses.
 */
class ServedChainFuzzTest {

	private static final KeyPair CA_KEYS = ecKeys();
	static final KeyPair LEAF_KEYS = ecKeys();
	private static final X500Name CA_NAME = new X500Name("CN=Onramp fuzz CA"); //$NON-NLS-1$
	static final X509Certificate CA = certificate(CA_NAME, CA_KEYS, true, List.of(), null, 0, 3650, true);

	/** One subject alternative name, of any of the nine kinds X.509 knows. */
	record Name(int kind, String value) {

		GeneralName toGeneralName() {
			return switch (kind) {
			case GeneralName.otherName -> new GeneralName(GeneralName.otherName,
					new DERSequence(new ASN1Encodable[] { new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), //$NON-NLS-1$
							new DERTaggedObject(true, 0, new DERUTF8String(value)) }));
			case GeneralName.x400Address -> new GeneralName(GeneralName.x400Address,
					new DERSequence(new DERIA5String(value)));
			case GeneralName.ediPartyName -> new GeneralName(GeneralName.ediPartyName,
					new DERSequence(new DERTaggedObject(false, 1, new DERUTF8String(value))));
			case GeneralName.directoryName -> new GeneralName(new X500Name("CN=" + value.replaceAll("[,+=\"\\\\<>#;]", ""))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			case GeneralName.registeredID -> new GeneralName(GeneralName.registeredID, "1.2.3." + Math.abs(value.hashCode())); //$NON-NLS-1$
			case GeneralName.iPAddress -> new GeneralName(GeneralName.iPAddress, value.hashCode() % 2 == 0 ? "127.0.0.1" : "::1"); //$NON-NLS-1$ //$NON-NLS-2$
			default -> new GeneralName(kind, new DERIA5String(value.replaceAll("[^\\x20-\\x7e]", "")));  //$NON-NLS-1$ //$NON-NLS-2$
			};
		}
	}

	@Property(seed = Fuzz.SEED)
	void servedCertificatesAreJudgedNeverThrown(@ForAll("leaves") byte[] der, @ForAll("hosts") String host) {
		X509Certificate leaf;
		try {
			leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)); //$NON-NLS-1$
		} catch (Exception e) {
			return; // the TLS stack never hands Onramp a certificate it cannot parse
		}
		List<X509Certificate> chain = List.of(leaf, CA);
		Decoding.check("certs.served-chain", der.length, () -> { //$NON-NLS-1$
			Instant now = Instant.now();
			ServedChainEvaluator.describe(chain);
			ServedChainEvaluator.pinned(chain, "00:11", now); //$NON-NLS-1$
			ServedChainEvaluator.anchored(List.of(leaf), host, List.of(CA), now);
			return ServedChainEvaluator.anchored(chain, host, List.of(CA), now);
		});
	}

	@Provide
	Arbitrary<String> hosts() {
		return Arbitraries.of("device.local", "127.0.0.1", "::1", "[::1]", "*.local", "DEVICE.LOCAL.", "", "a..b", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
				"192.168.4.1", "xn--d1acufc.local"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Provide
	Arbitrary<byte[]> leaves() {
		Arbitrary<Name> names = Combinators.combine(Arbitraries.integers().between(0, 8),
				Arbitraries.oneOf(Arbitraries.of("device.local", "*.local", "*", "127.0.0.1", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
						Arbitraries.strings().ofMaxLength(30))).as(Name::new);
		Arbitrary<List<Name>> sans = names.list().ofMaxSize(4);
		Arbitrary<Integer> usage = Arbitraries.integers().between(0, 3);
		Arbitrary<Integer> from = Arbitraries.of(-400, -1, 0, 1);
		Arbitrary<Integer> days = Arbitraries.of(-1, 0, 1, 397, 100_000);
		Arbitrary<byte[]> valid = Combinators.combine(sans, usage, from, days, Arbitraries.of(Boolean.TRUE, Boolean.FALSE))
				.as((s, u, f, d, signedByCa) -> encoded(certificate(new X500Name("CN=device.local"), LEAF_KEYS, false, s, //$NON-NLS-1$
						usage(u.intValue()), f.intValue(), d.intValue(), signedByCa.booleanValue())));
		Arbitrary<List<Edit>> edits = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of())),
				net.jqwik.api.Tuple.of(1, Mutations.edits().list().ofMinSize(1).ofMaxSize(2)));
		return Combinators.combine(valid, edits).as((der, list) -> {
			byte[] result = der;
			for (Edit edit : list) {
				result = Mutations.apply(edit, result);
			}
			return result;
		});
	}

	private static KeyPurposeId[] usage(int choice) {
		return switch (choice) {
		case 0 -> null;
		case 1 -> new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth };
		case 2 -> new KeyPurposeId[] { KeyPurposeId.id_kp_clientAuth };
		default -> new KeyPurposeId[] { KeyPurposeId.anyExtendedKeyUsage };
		};
	}

	private static byte[] encoded(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static KeyPair ecKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC"); //$NON-NLS-1$
			generator.initialize(new ECGenParameterSpec("secp256r1")); //$NON-NLS-1$
			return generator.generateKeyPair();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static X509Certificate certificate(X500Name subject, KeyPair keys, boolean ca, List<Name> sans,
			KeyPurposeId[] usage, int fromDays, int days, boolean signedByCa) {
		try {
			Instant start = Instant.now().plus(fromDays, ChronoUnit.DAYS);
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca ? subject : CA_NAME,
					BigInteger.valueOf(System.nanoTime()).abs().add(BigInteger.ONE), Date.from(start),
					Date.from(start.plus(days, ChronoUnit.DAYS)), subject, keys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			if (ca) {
				builder.addExtension(Extension.nameConstraints, true, new NameConstraints(
						new GeneralSubtree[] { new GeneralSubtree(new GeneralName(GeneralName.dNSName, "local")) }, null)); //$NON-NLS-1$
			}
			if (!sans.isEmpty()) {
				List<GeneralName> names = new ArrayList<>();
				sans.forEach(n -> names.add(n.toGeneralName()));
				builder.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(names.toArray(GeneralName[]::new)));
			}
			if (usage != null) {
				builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
			}
			ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA") //$NON-NLS-1$
					.build(signedByCa || ca ? CA_KEYS.getPrivate() : keys.getPrivate());
			return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
