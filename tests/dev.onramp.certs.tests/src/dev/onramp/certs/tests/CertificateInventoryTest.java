/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CertificateRequest;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

class CertificateInventoryTest {

	@TempDir
	Path dataDirectory;

	private LocalCertificateService service() {
		return new LocalCertificateService(dataDirectory, new InMemoryCaPasswordSource("secret"), Clock.systemUTC()); //$NON-NLS-1$
	}

	@Test
	void everyIssuedCertificateIsRecorded() throws Exception {
		Instant before = Instant.now().minusSeconds(1);
		IssuedCertificate ca = service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		IssuedCertificate self = service().issue(CertificateProfiles.pyDirectSelfSigned("pydirect-0a1b")); //$NON-NLS-1$

		List<InventoryEntry> entries = service().entries();
		assertEquals(2, entries.size());
		InventoryEntry first = entries.get(0);
		assertEquals("pydirect-e5f6.local", first.hostname()); //$NON-NLS-1$
		assertEquals(ca.serialHex(), first.serialHex());
		assertEquals(ca.fingerprintSha256(), first.fingerprintSha256());
		assertEquals(ca.notAfter(), first.notAfter());
		assertEquals(TrustMode.CA, first.trust());
		assertEquals(KeyType.EC_P256, first.keyType());
		assertTrue(!first.issuedAt().isBefore(before) && !first.issuedAt().isAfter(Instant.now()));
		assertEquals(TrustMode.SELF_SIGNED, entries.get(1).trust());
		assertEquals(self.fingerprintSha256(), entries.get(1).fingerprintSha256());

		String json = Files.readString(dataDirectory.resolve("inventory.json"), StandardCharsets.UTF_8); //$NON-NLS-1$
		assertEquals(2, JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("certificates").size()); //$NON-NLS-1$
	}

	@Test
	void findsCertificatesExpiringWithinDays() throws Exception {
		service().issue(new CertificateRequest("soon", List.of(), KeyType.EC_P256, 10, TrustMode.CA)); //$NON-NLS-1$
		service().issue(new CertificateRequest("later", List.of(), KeyType.EC_P256, 60, TrustMode.CA)); //$NON-NLS-1$
		service().issue(CertificateProfiles.caIssued("default", List.of())); //$NON-NLS-1$

		assertEquals(List.of("soon.local"), hostnames(service().expiringWithin(30))); //$NON-NLS-1$
		assertEquals(List.of("soon.local", "later.local"), hostnames(service().expiringWithin(90))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(List.of(), hostnames(service().expiringWithin(5)));
	}

	@Test
	void parallelIssuanceLosesNoEntry() throws Exception {
		LocalCertificateService service = service();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<IssuedCertificate>> issued = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String host = "device-" + i; //$NON-NLS-1$
				issued.add(pool.submit(() -> service.issue(CertificateProfiles.caIssued(host, List.of()))));
			}
			for (Future<IssuedCertificate> future : issued) {
				future.get();
			}
		} finally {
			pool.shutdown();
		}
		assertEquals(16, service().entries().size());
	}

	@Test
	void damagedInventoryIsReportedAndKept() throws Exception {
		service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		Path file = dataDirectory.resolve("inventory.json"); //$NON-NLS-1$
		byte[] damaged = "{\"version\":1,\"certificates\":[{\"hostname\":".getBytes(StandardCharsets.UTF_8); //$NON-NLS-1$
		Files.write(file, damaged);

		OnrampException failure = assertThrows(OnrampException.class,
				() -> service().issue(CertificateProfiles.caIssued("pydirect-0a1b", List.of()))); //$NON-NLS-1$
		assertTrue(failure.getMessage().contains(file.toString()), failure::getMessage);
		assertArrayEquals(damaged, Files.readAllBytes(file));
		assertThrows(OnrampException.class, () -> service().entries());
	}

	private static List<String> hostnames(List<InventoryEntry> entries) {
		return entries.stream().map(InventoryEntry::hostname).toList();
	}
}
