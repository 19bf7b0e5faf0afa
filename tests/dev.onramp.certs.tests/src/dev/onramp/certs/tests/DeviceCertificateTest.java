/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.certs.internal.Fingerprints;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CertificateRequest;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

class DeviceCertificateTest {

	private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1"; //$NON-NLS-1$
	private static final int DIGITAL_SIGNATURE = 0;
	private static final int KEY_ENCIPHERMENT = 2;

	@TempDir
	Path dataDirectory;

	private LocalCertificateService service() {
		return new LocalCertificateService(dataDirectory, new InMemoryCaPasswordSource("secret"), Clock.systemUTC()); //$NON-NLS-1$
	}

	@Test
	void caIssuedEcCertificateFollowsTheProfile() throws Exception {
		List<InetAddress> ips = List.of(InetAddress.getByName("192.168.1.20"), InetAddress.getByName("fe80::1")); //$NON-NLS-1$ //$NON-NLS-2$
		IssuedCertificate issued = service().issue(CertificateProfiles.caIssued("PyDirect-E5F6.local", ips)); //$NON-NLS-1$
		List<X509Certificate> chain = Certificates.parse(issued.certificateChainPem());
		X509Certificate leaf = chain.get(0);

		assertEquals(2, chain.size(), "leaf and CA"); //$NON-NLS-1$
		assertEquals("pydirect-e5f6.local", issued.hostname()); //$NON-NLS-1$
		assertEquals("CN=pydirect-e5f6.local", leaf.getSubjectX500Principal().getName()); //$NON-NLS-1$
		assertEquals(List.of("pydirect-e5f6.local", "*.pydirect-e5f6.local", "192.168.1.20", "fe80:0:0:0:0:0:0:1"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				leaf.getSubjectAlternativeNames().stream().map(name -> name.get(1)).toList());
		assertEquals(List.of(SERVER_AUTH), leaf.getExtendedKeyUsage());
		assertTrue(leaf.getKeyUsage()[DIGITAL_SIGNATURE]);
		assertFalse(leaf.getKeyUsage()[KEY_ENCIPHERMENT], "EC keys do not encipher"); //$NON-NLS-1$
		assertEquals(-1, leaf.getBasicConstraints());
		assertTrue(leaf.getPublicKey() instanceof ECPublicKey);
		assertEquals("SHA256withECDSA", leaf.getSigAlgName()); //$NON-NLS-1$
		assertEquals(Duration.ofDays(CertificateProfiles.DEFAULT_CA_VALIDITY_DAYS),
				Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));
		assertEquals(leaf.getNotAfter().toInstant(), issued.notAfter());
		assertEquals(Fingerprints.sha256(leaf), issued.fingerprintSha256());
		assertEquals(leaf.getSerialNumber().toString(16), issued.serialHex());
		assertEquals(128, leaf.getSerialNumber().bitLength());
		assertEquals(1, leaf.getSerialNumber().signum());

		Certificates.validate(chain.subList(0, 1), chain.get(1));
		assertTrue(issued.privateKeyPem().reveal().startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(Certificates.pairMatches(Certificates.parsePkcs8(issued.privateKeyPem()), leaf.getPublicKey()));
		assertFalse(issued.toString().contains("PRIVATE KEY"), "the key never prints"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void caIssuedRsaCertificateMayEncipher() throws Exception {
		IssuedCertificate issued = service().issue(new CertificateRequest("pydirect-e5f6", List.of(), //$NON-NLS-1$
				KeyType.RSA_2048, 30, TrustMode.CA));
		X509Certificate leaf = Certificates.parse(issued.certificateChainPem()).get(0);
		assertEquals(2048, ((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength());
		assertTrue(leaf.getKeyUsage()[DIGITAL_SIGNATURE]);
		assertTrue(leaf.getKeyUsage()[KEY_ENCIPHERMENT]);
		assertEquals("SHA256withECDSA", leaf.getSigAlgName(), "signed by the EC CA"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(Certificates.pairMatches(Certificates.parsePkcs8(issued.privateKeyPem()), leaf.getPublicKey()));
	}

	@Test
	void caValidityUpTo825DaysIsAcceptedAndLongerIsRefused() throws Exception {
		IssuedCertificate longest = service().issue(new CertificateRequest("pydirect-e5f6", List.of(), //$NON-NLS-1$
				KeyType.EC_P256, 825, TrustMode.CA));
		X509Certificate leaf = Certificates.parse(longest.certificateChainPem()).get(0);
		assertEquals(Duration.ofDays(825),
				Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));

		OnrampException refused = assertThrows(OnrampException.class, () -> service().issue(
				new CertificateRequest("pydirect-e5f6", List.of(), KeyType.EC_P256, 826, TrustMode.CA))); //$NON-NLS-1$
		assertEquals(FailureReason.USAGE, refused.reason());
		assertTrue(refused.getMessage().contains("825"), refused::getMessage); //$NON-NLS-1$
	}

	@Test
	void selfSignedProfileReproducesThePyDirectInstaller() throws Exception {
		IssuedCertificate issued = service().issue(CertificateProfiles.pyDirectSelfSigned("pydirect-e5f6")); //$NON-NLS-1$
		List<X509Certificate> chain = Certificates.parse(issued.certificateChainPem());
		X509Certificate leaf = chain.get(0);

		assertEquals(1, chain.size());
		assertEquals(leaf.getSubjectX500Principal(), leaf.getIssuerX500Principal());
		leaf.verify(leaf.getPublicKey());
		assertEquals("CN=pydirect-e5f6.local", leaf.getSubjectX500Principal().getName()); //$NON-NLS-1$
		assertEquals(List.of("pydirect-e5f6.local", "*.pydirect-e5f6.local"), //$NON-NLS-1$ //$NON-NLS-2$
				leaf.getSubjectAlternativeNames().stream().map(name -> name.get(1)).toList());
		assertEquals(2048, ((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength());
		assertEquals("SHA256withRSA", leaf.getSigAlgName()); //$NON-NLS-1$
		assertEquals(-1, leaf.getBasicConstraints(), "CA:false"); //$NON-NLS-1$
		assertTrue(leaf.getKeyUsage()[DIGITAL_SIGNATURE]);
		assertTrue(leaf.getKeyUsage()[KEY_ENCIPHERMENT]);
		assertEquals(List.of(SERVER_AUTH), leaf.getExtendedKeyUsage());
		assertEquals(Duration.ofDays(3650),
				Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));
		assertTrue(Certificates.pairMatches(Certificates.parsePkcs8(issued.privateKeyPem()), leaf.getPublicKey()));
		assertFalse(Files.exists(dataDirectory.resolve("ca")), "no CA needed for self-signed"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void selfSignedMayUseAnyAddressButNotLongerThanTenYears() throws Exception {
		IssuedCertificate issued = service().issue(new CertificateRequest("pydirect-e5f6", //$NON-NLS-1$
				List.of(InetAddress.getByName("203.0.113.7")), KeyType.EC_P256, 365, TrustMode.SELF_SIGNED)); //$NON-NLS-1$
		X509Certificate leaf = Certificates.parse(issued.certificateChainPem()).get(0);
		assertFalse(leaf.getKeyUsage()[KEY_ENCIPHERMENT]);
		assertThrows(OnrampException.class, () -> service().issue(new CertificateRequest("pydirect-e5f6", //$NON-NLS-1$
				List.of(), KeyType.RSA_2048, 3651, TrustMode.SELF_SIGNED)));
	}

	@Test
	void everyCertificateHasItsOwnSerialAndKey() throws Exception {
		LocalCertificateService service = service();
		IssuedCertificate first = service.issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		IssuedCertificate second = service.issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		assertNotEquals(first.serialHex(), second.serialHex());
		assertNotEquals(first.privateKeyPem().reveal(), second.privateKeyPem().reveal());
	}
}
