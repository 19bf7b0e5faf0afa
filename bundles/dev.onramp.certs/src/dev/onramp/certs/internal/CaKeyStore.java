/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.crypto.spec.PBEParameterSpec;

import org.eclipse.osgi.util.NLS;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.Secret;

/**
 * The CA on disk: {@value #KEY_STORE_FILE}, an encrypted PKCS#12 key store (PBES2, AES-256, HMAC-SHA-256) with
 * owner-only permissions, and {@value #CERTIFICATE_FILE}, a public copy of the certificate so that showing,
 * exporting and verifying need no password. An existing key store is never replaced: when it cannot be opened the
 * user is told what to do and the file stays exactly as it was.
 */
final class CaKeyStore {

	static final String DIRECTORY = "ca"; //$NON-NLS-1$
	static final String KEY_STORE_FILE = "onramp-ca.p12"; //$NON-NLS-1$
	static final String CERTIFICATE_FILE = "onramp-ca.pem"; //$NON-NLS-1$
	/** Where rotated CAs are kept, one folder each, named by the time of the rotation. */
	static final String RETIRED = "retired"; //$NON-NLS-1$
	private static final DateTimeFormatter RETIRED_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'") //$NON-NLS-1$
			.withZone(ZoneOffset.UTC);
	private static final String ALIAS = "onramp-ca"; //$NON-NLS-1$
	private static final String KEY_PROTECTION = "PBEWithHmacSHA256AndAES_256"; //$NON-NLS-1$
	private static final int ITERATIONS = 10_000;
	/** No reason in the core model fits a damaged CA store yet; see the report to the core's owner. */
	static final FailureReason UNUSABLE = FailureReason.INTERNAL;

	private final Path directory;

	CaKeyStore(Path dataDirectory) {
		this.directory = dataDirectory.resolve(DIRECTORY);
	}

	Path keyStoreFile() {
		return directory.resolve(KEY_STORE_FILE);
	}

	Path certificateFile() {
		return directory.resolve(CERTIFICATE_FILE);
	}

	boolean exists() {
		return Files.exists(keyStoreFile());
	}

	/** @return the public certificate, read without the password; empty when no CA exists */
	Optional<X509Certificate> readCertificate() throws OnrampException {
		if (!exists()) {
			return Optional.empty();
		}
		if (Files.isRegularFile(certificateFile())) {
			try {
				return Optional.of(Pem.parseCertificates(Files.readAllBytes(certificateFile())).get(0));
			} catch (IOException | CertificateException e) {
				CertsLog.warn(getClass(), "The public copy of the CA certificate is unreadable; using the key store", e); //$NON-NLS-1$
			}
		}
		return Optional.empty();
	}

	LocalCertificateAuthority load(Secret password, String passwordSource) throws OnrampException {
		Path file = keyStoreFile();
		tightenPermissions(file);
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		} catch (IOException e) {
			throw new OnrampException(UNUSABLE, NLS.bind(Messages.CaKeyStore_unreadable, file),
					Messages.CaKeyStore_unreadableHint, e);
		}
		char[] chars = password.chars();
		try {
			KeyStore store = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
			store.load(new ByteArrayInputStream(content), chars);
			Key key = store.getKey(ALIAS, chars);
			Certificate certificate = store.getCertificate(ALIAS);
			if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
				throw corrupted(file, null);
			}
			return new LocalCertificateAuthority(privateKey, x509);
		} catch (IOException e) {
			if (e.getCause() instanceof UnrecoverableKeyException) {
				throw wrongPassword(file, passwordSource, e);
			}
			throw corrupted(file, e);
		} catch (UnrecoverableKeyException e) {
			throw wrongPassword(file, passwordSource, e);
		} catch (GeneralSecurityException | RuntimeException e) {
			throw corrupted(file, e);
		} finally {
			Arrays.fill(chars, '\0');
		}
	}

	/** Writes a new CA; fails, and changes nothing, if a key store already exists. */
	void create(LocalCertificateAuthority ca, Secret password) throws OnrampException {
		Path file = keyStoreFile();
		char[] chars = password.chars();
		try {
			OwnerOnlyFiles.ensureOwnerOnlyDirectory(directory);
			KeyStore store = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
			store.load(null, null);
			byte[] salt = new byte[16];
			KeyPairs.random().nextBytes(salt);
			store.setEntry(ALIAS, new KeyStore.PrivateKeyEntry(ca.privateKey(), new Certificate[] { ca.certificate() }),
					new KeyStore.PasswordProtection(chars, KEY_PROTECTION, new PBEParameterSpec(salt, ITERATIONS)));
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			store.store(bytes, chars);
			OwnerOnlyFiles.writeNew(file, bytes.toByteArray());
			writeCertificateCopy(ca.certificate());
		} catch (FileAlreadyExistsException e) {
			throw new OnrampException(UNUSABLE, NLS.bind(Messages.CaKeyStore_appeared, file), null, e);
		} catch (IOException | GeneralSecurityException e) {
			throw new OnrampException(UNUSABLE, NLS.bind(Messages.CaKeyStore_cannotWrite, directory),
					Messages.CaKeyStore_cannotWriteHint, e).withRemedy(Remedy.DATA_DIRECTORY);
		} finally {
			Arrays.fill(chars, '\0');
		}
	}

	/**
	 * Moves the key store and its public copy into a new folder {@code retired/<time>/}, never replacing anything.
	 *
	 * @return that folder
	 */
	Path retire(Instant when) throws OnrampException {
		try {
			Path retired = directory.resolve(RETIRED);
			OwnerOnlyFiles.ensureOwnerOnlyDirectory(retired);
			String name = RETIRED_NAME.format(when);
			Path target = retired.resolve(name);
			for (int n = 2; Files.exists(target); n++) {
				target = retired.resolve(name + '-' + n);
			}
			OwnerOnlyFiles.ensureOwnerOnlyDirectory(target);
			Files.move(keyStoreFile(), target.resolve(KEY_STORE_FILE), StandardCopyOption.ATOMIC_MOVE);
			if (Files.exists(certificateFile())) {
				Files.move(certificateFile(), target.resolve(CERTIFICATE_FILE), StandardCopyOption.ATOMIC_MOVE);
			}
			return target;
		} catch (IOException e) {
			throw new OnrampException(UNUSABLE, NLS.bind(Messages.CaKeyStore_cannotRetire, directory),
					Messages.CaKeyStore_cannotWriteHint, e).withRemedy(Remedy.DATA_DIRECTORY);
		}
	}

	/** Puts a CA {@link #retire(Instant) retired} a moment ago back, when its successor could not be made. */
	void restore(Path retired) {
		try {
			Files.move(retired.resolve(KEY_STORE_FILE), keyStoreFile(), StandardCopyOption.ATOMIC_MOVE);
			if (Files.exists(retired.resolve(CERTIFICATE_FILE))) {
				Files.move(retired.resolve(CERTIFICATE_FILE), certificateFile(), StandardCopyOption.ATOMIC_MOVE);
			}
			Files.deleteIfExists(retired);
		} catch (IOException e) {
			CertsLog.warn(getClass(), NLS.bind(Messages.CaKeyStore_cannotRestore, retired, directory), e);
		}
	}

	/** Keeps the public copy in step with the key store; it is derived data, so replacing it is safe. */
	void writeCertificateCopy(X509Certificate certificate) throws OnrampException {
		try {
			OwnerOnlyFiles.ensureOwnerOnlyDirectory(directory);
			OwnerOnlyFiles.replace(certificateFile(),
					Pem.certificates(List.of(certificate)).getBytes(StandardCharsets.US_ASCII),
					PosixFilePermissions.fromString("rw-r--r--")); //$NON-NLS-1$
		} catch (IOException e) {
			throw new OnrampException(UNUSABLE, NLS.bind(Messages.CaKeyStore_cannotWrite, directory),
					Messages.CaKeyStore_cannotWriteHint, e).withRemedy(Remedy.DATA_DIRECTORY);
		}
	}

	private void tightenPermissions(Path file) {
		try {
			if (OwnerOnlyFiles.isExposed(file)) {
				OwnerOnlyFiles.restrict(file, OwnerOnlyFiles.OWNER_FILE);
				CertsLog.warn(getClass(), NLS.bind(Messages.CaKeyStore_permissionsTightened, file), null);
			}
		} catch (IOException e) {
			CertsLog.warn(getClass(), NLS.bind(Messages.CaKeyStore_permissionsTightened, file), e);
		}
	}

	private static OnrampException wrongPassword(Path file, String passwordSource, Exception cause) {
		return new OnrampException(UNUSABLE, NLS.bind(Messages.CaKeyStore_wrongPassword, file, passwordSource),
				NLS.bind(Messages.CaKeyStore_wrongPasswordHint, file, EnvironmentCaPasswordSource.VARIABLE), cause)
						.withRemedy(Remedy.NEW_CERTIFICATE_AUTHORITY);
	}

	private static OnrampException corrupted(Path file, Exception cause) {
		return new OnrampException(UNUSABLE, NLS.bind(Messages.CaKeyStore_corrupted, file),
				NLS.bind(Messages.CaKeyStore_corruptedHint, file), cause).withRemedy(Remedy.NEW_CERTIFICATE_AUTHORITY);
	}
}
