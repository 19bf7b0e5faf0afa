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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.certs.internal.SecureStorageCaPasswordSource;

/**
 * The CA password lives encrypted in Eclipse secure storage, one entry per data directory. Secure storage needs a
 * running OSGi framework: these tests run inside Tycho.
 */
class SecureStorageCaPasswordSourceTest {

	@TempDir
	Path temporary;

	private ISecurePreferences storage;
	private Path storageFile;

	@BeforeEach
	void openTestStorage() throws Exception {
		storageFile = temporary.resolve("secure_storage"); //$NON-NLS-1$
		storage = SecurePreferencesFactory.open(storageFile.toUri().toURL(),
				Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test master".toCharArray()), //$NON-NLS-1$
						IProviderHints.PROMPT_USER, Boolean.FALSE));
	}

	@Test
	void passwordIsCreatedOnceEncryptedAndPerDataDirectory() throws Exception {
		Path dataDirectory = temporary.resolve("data"); //$NON-NLS-1$
		SecureStorageCaPasswordSource source = new SecureStorageCaPasswordSource(storage, dataDirectory);
		assertNull(source.existing());
		String created = source.existingOrNew().reveal();
		assertEquals(created, source.existing().reveal());
		assertEquals(created, source.existingOrNew().reveal(), "an existing password is never replaced"); //$NON-NLS-1$
		String other = new SecureStorageCaPasswordSource(storage, temporary.resolve("other")).existingOrNew().reveal(); //$NON-NLS-1$
		assertNotEquals(created, other);

		ISecurePreferences node = storage.node(SecureStorageCaPasswordSource.NODE);
		for (String key : node.keys()) {
			assertTrue(node.isEncrypted(key), key);
		}
	}

	@Test
	void passwordIsNeitherInTheDataDirectoryNorInPlainStorage() throws Exception {
		Path dataDirectory = temporary.resolve("data"); //$NON-NLS-1$
		SecureStorageCaPasswordSource source = new SecureStorageCaPasswordSource(storage, dataDirectory);
		new LocalCertificateService(dataDirectory, source, Clock.systemUTC()).initialize(CaKeyAlgorithm.EC_P256);
		storage.flush();
		String password = source.existing().reveal();
		try (Stream<Path> files = Files.walk(temporary)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertFalse(content.contains(password), file + " holds the password in plain text"); //$NON-NLS-1$
			}
		}
	}
}
