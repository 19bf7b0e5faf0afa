/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;

/**
 * The key-store password in Eclipse secure storage, node {@value #NODE}, encrypted by the platform's password
 * provider. Each data directory has its own entry, so {@code --data-dir} runs never share or clobber a password.
 */
public final class SecureStorageCaPasswordSource implements CaPasswordSource {

	public static final String NODE = "dev.onramp.certs"; //$NON-NLS-1$

	private ISecurePreferences root;
	private final String key;

	/**
	 * @param root          the secure storage root to use, for example one opened on a test location
	 * @param dataDirectory the data directory whose CA the password opens
	 */
	public SecureStorageCaPasswordSource(ISecurePreferences root, Path dataDirectory) {
		this.root = root;
		this.key = keyFor(dataDirectory);
	}

	/** A source on the user's default secure storage, opened on first use: opening may ask for a master password. */
	public SecureStorageCaPasswordSource(Path dataDirectory) {
		this(null, dataDirectory);
	}

	private ISecurePreferences root() throws OnrampException {
		if (root == null) {
			root = SecurePreferencesFactory.getDefault();
			if (root == null) {
				throw new OnrampException(FailureReason.INTERNAL, Messages.SecureStorage_unavailable,
						NLS.bind(Messages.SecureStorage_hint, EnvironmentCaPasswordSource.VARIABLE));
			}
		}
		return root;
	}

	/** @return the entry name: a digest of the absolute data directory path */
	static String keyFor(Path dataDirectory) {
		String path = dataDirectory.toAbsolutePath().normalize().toString();
		return "ca-password-" + HexFormat.of().formatHex(sha256(path), 0, 16); //$NON-NLS-1$
	}

	@Override
	public synchronized Secret existing() throws OnrampException {
		try {
			String value = root().node(NODE).get(key, null);
			return value == null ? null : Secret.of(value);
		} catch (StorageException e) {
			throw failure(e);
		}
	}

	@Override
	public synchronized Secret existingOrNew() throws OnrampException {
		Secret existing = existing();
		if (existing != null) {
			return existing;
		}
		Secret created = CaPasswords.generate();
		try {
			root().node(NODE).put(key, created.reveal(), true);
			root().flush();
			return created;
		} catch (StorageException | IOException e) {
			created.destroy();
			throw failure(e);
		}
	}

	@Override
	public String describe() {
		return Messages.SecureStorage_description;
	}

	private static OnrampException failure(Exception e) {
		return new OnrampException(FailureReason.INTERNAL,
				NLS.bind(Messages.SecureStorage_failed, e.getClass().getSimpleName()),
				NLS.bind(Messages.SecureStorage_hint, EnvironmentCaPasswordSource.VARIABLE), e);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
