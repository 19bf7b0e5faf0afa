/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.certs.internal.Fingerprints;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.CaRotation;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

/** Rotating the local CA: a new CA, the old one kept aside, and the devices to bless again. */
class CaRotationTest {

	@TempDir
	Path dataDirectory;

	private final InMemoryCaPasswordSource passwords = new InMemoryCaPasswordSource();

	private LocalCertificateService service() {
		return new LocalCertificateService(dataDirectory, passwords, Clock.systemUTC());
	}

	@Test
	void thereIsNothingToRotateBeforeACaExists() {
		OnrampException failure = assertThrows(OnrampException.class, () -> service().rotate(CaKeyAlgorithm.EC_P256));
		assertEquals(FailureReason.USAGE, failure.reason());
		assertTrue(failure.getMessage().contains("no local certificate authority"), failure.getMessage());
		assertTrue(Files.notExists(dataDirectory.resolve("ca")), "nothing was written");
	}

	@Test
	void makesANewCaKeepsTheOldOneAsideAndListsTheDevicesItBlessed() throws Exception {
		LocalCertificateService service = service();
		CaInfo old = service.initialize(CaKeyAlgorithm.EC_P256);
		service.issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of()));
		service.issue(CertificateProfiles.caIssued("esp-kitchen", List.of()));
		service.issue(CertificateProfiles.pyDirectSelfSigned("selfie"));

		CaRotation rotation = service.rotate(CaKeyAlgorithm.RSA_3072);

		assertEquals(old, rotation.previous());
		assertNotEquals(old.fingerprintSha256(), rotation.current().fingerprintSha256());
		assertNotEquals(old.subject(), rotation.current().subject(), "trust stores tell the two apart by name");
		assertEquals(CaKeyAlgorithm.RSA_3072, rotation.current().keyAlgorithm());
		assertEquals(List.of("pydirect-e5f6.local", "esp-kitchen.local"),
				rotation.toBlessAgain().stream().map(InventoryEntry::hostname).toList());

		Path retired = rotation.retiredFiles();
		assertTrue(retired.startsWith(dataDirectory.resolve("ca").resolve("retired")), retired.toString());
		assertTrue(Files.isRegularFile(retired.resolve("onramp-ca.p12")), "the old key store is kept");
		X509Certificate kept = Certificates.parse(Files.readString(retired.resolve("onramp-ca.pem"))).get(0);
		assertEquals(old.fingerprintSha256(), Fingerprints.sha256(kept));

		assertEquals(rotation.current(), service.info().orElseThrow());
		LocalCertificateService reopened = service();
		assertEquals(rotation.current().fingerprintSha256(), reopened.info().orElseThrow().fingerprintSha256());
		IssuedCertificate renewed = reopened.issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of()));
		X509Certificate issuer = Certificates.parse(renewed.certificateChainPem()).get(1);
		assertEquals(rotation.current().fingerprintSha256(), Fingerprints.sha256(issuer),
				"new certificates come from the new CA");
	}

	@Test
	void twoRotationsInOneSecondKeepBothOldCas() throws Exception {
		LocalCertificateService service = service();
		service.initialize(CaKeyAlgorithm.EC_P256);
		CaRotation first = service.rotate(CaKeyAlgorithm.EC_P256);
		CaRotation second = service.rotate(CaKeyAlgorithm.EC_P256);
		assertNotEquals(first.retiredFiles(), second.retiredFiles());
		assertEquals(first.current(), second.previous());
		assertTrue(Files.isRegularFile(first.retiredFiles().resolve("onramp-ca.p12")));
		assertTrue(Files.isRegularFile(second.retiredFiles().resolve("onramp-ca.p12")));
		assertEquals(List.of(), second.toBlessAgain());
	}

	@Test
	void onlyValidCertificatesTheCaIssuedAreToBeBlessedAgain() {
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		CaInfo ca = new CaInfo("CN=Onramp local CA", "AB:CD", CaKeyAlgorithm.EC_P256, start,
				start.plus(Duration.ofDays(3650)), Path.of("ca.pem"), Path.of("ca.p12"));
		Instant now = start.plus(Duration.ofDays(100));
		InventoryEntry blessed = entry("a.local", TrustMode.CA, start.plus(Duration.ofDays(1)), now.plusSeconds(60));
		InventoryEntry expired = entry("b.local", TrustMode.CA, start.plus(Duration.ofDays(1)), now.minusSeconds(60));
		InventoryEntry selfSigned = entry("c.local", TrustMode.SELF_SIGNED, start.plus(Duration.ofDays(1)),
				now.plusSeconds(60));
		InventoryEntry earlierCa = entry("d.local", TrustMode.CA, start.minusSeconds(1), now.plusSeconds(60));
		assertEquals(List.of(blessed), CaRotation.blessedBy(ca, List.of(blessed, expired, selfSigned, earlierCa), now));
	}

	private static InventoryEntry entry(String host, TrustMode trust, Instant issuedAt, Instant notAfter) {
		return new InventoryEntry(host, "01", "AA:BB", KeyType.EC_P256, trust, issuedAt, notAfter);
	}
}
