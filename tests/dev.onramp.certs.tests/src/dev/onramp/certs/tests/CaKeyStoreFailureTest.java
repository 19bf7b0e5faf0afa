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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.certs.CertificateRequest;

/** A key store that cannot be opened is reported clearly and never replaced. */
class CaKeyStoreFailureTest {

	private static final String PASSWORD = "correct horse battery staple"; //$NON-NLS-1$

	@TempDir
	Path dataDirectory;

	private Path keyStore;

	@BeforeEach
	void createCa() throws Exception {
		keyStore = service(new InMemoryCaPasswordSource(PASSWORD)).initialize(CaKeyAlgorithm.EC_P256).keyStoreFile();
	}

	@Test
	void wrongPasswordIsReportedWithoutEitherPassword() throws Exception {
		byte[] before = Files.readAllBytes(keyStore);
		LocalCertificateService service = service(new InMemoryCaPasswordSource("wrong guess")); //$NON-NLS-1$

		OnrampException failure = assertFailsLeavingKeyStore(before, () -> service.issue(request()));
		assertTrue(failure.getMessage().contains("password"), failure::getMessage); //$NON-NLS-1$
		assertTrue(failure.getMessage().contains(keyStore.toString()), failure::getMessage);
		assertTrue(failure.hint().orElseThrow().contains("ONRAMP_CA_PASSWORD"), failure::userText); //$NON-NLS-1$
		assertFalse(failure.userText().contains("wrong guess"), failure::userText); //$NON-NLS-1$
		assertFalse(failure.userText().contains(PASSWORD), failure::userText);
		assertFailsLeavingKeyStore(before, () -> service.initialize(CaKeyAlgorithm.EC_P256));
	}

	@Test
	void corruptedKeyStoreIsReportedAndKept() throws Exception {
		byte[] corrupted = Files.readAllBytes(keyStore);
		Arrays.fill(corrupted, corrupted.length / 2, corrupted.length / 2 + 64, (byte) 0x5a);
		Files.write(keyStore, corrupted);
		LocalCertificateService service = service(new InMemoryCaPasswordSource(PASSWORD));

		OnrampException failure = assertFailsLeavingKeyStore(corrupted, () -> service.issue(request()));
		assertTrue(failure.getMessage().contains(keyStore.toString()), failure::getMessage);
		assertTrue(failure.userText().contains("create a new CA"), failure::userText); //$NON-NLS-1$
		assertFalse(failure.userText().contains("onramp ca"), "a service hint names no command: " + failure.userText()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(Optional.of(Remedy.NEW_CERTIFICATE_AUTHORITY), failure.remedy());
		assertFalse(failure.userText().contains(PASSWORD), failure::userText);
		assertFailsLeavingKeyStore(corrupted, () -> service.initialize(CaKeyAlgorithm.EC_P256));
	}

	@Test
	void truncatedKeyStoreIsReportedAndKept() throws Exception {
		byte[] truncated = Arrays.copyOf(Files.readAllBytes(keyStore), 100);
		Files.write(keyStore, truncated);
		assertFailsLeavingKeyStore(truncated, () -> service(new InMemoryCaPasswordSource(PASSWORD)).issue(request()));
	}

	@Test
	void missingPasswordDoesNotStartANewCa() throws Exception {
		byte[] before = Files.readAllBytes(keyStore);
		InMemoryCaPasswordSource empty = new InMemoryCaPasswordSource();
		OnrampException failure = assertFailsLeavingKeyStore(before, () -> service(empty).issue(request()));
		assertTrue(failure.getMessage().contains("not in the test password source"), failure::getMessage); //$NON-NLS-1$
		assertEquals(0, empty.created(), "no new password was made for the existing key store"); //$NON-NLS-1$
	}

	private OnrampException assertFailsLeavingKeyStore(byte[] expected, Executable action) throws Exception {
		OnrampException failure = assertThrows(OnrampException.class, action);
		assertArrayEquals(expected, Files.readAllBytes(keyStore), "the key store is unchanged"); //$NON-NLS-1$
		assertFalse(Files.exists(dataDirectory.resolve("inventory.json")), "nothing was issued"); //$NON-NLS-1$ //$NON-NLS-2$
		return failure;
	}

	private LocalCertificateService service(InMemoryCaPasswordSource passwords) {
		return new LocalCertificateService(dataDirectory, passwords, Clock.systemUTC());
	}

	private static CertificateRequest request() {
		return CertificateProfiles.caIssued("pydirect-e5f6", List.of()); //$NON-NLS-1$
	}
}
