/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

import dev.onramp.core.Secret;

/**
 * Proofs of possession the user chose to remember, per device, only in Eclipse secure storage (encrypted), under
 * {@code dev.onramp/pop/<device key>}. Never in plain preferences, logs or consoles. Every method touches the storage
 * file: call them from a Job.
 */
public final class RememberedPops {

	static final String ROOT = "dev.onramp/pop"; //$NON-NLS-1$
	private static final String KEY = "pop"; //$NON-NLS-1$

	private final Supplier<ISecurePreferences> storage;

	/** @param storage the secure storage root; null from it means there is none (a failed start of the store) */
	public RememberedPops(Supplier<ISecurePreferences> storage) {
		this.storage = storage;
	}

	/** @return the remembered PoPs in the workbench's default secure storage */
	public static RememberedPops inDefaultStorage() {
		return new RememberedPops(SecurePreferencesFactory::getDefault);
	}

	/** @return the storage node of the device's PoP, relative to the root */
	public static String nodePath(String deviceKey) {
		return ROOT + '/' + EncodingUtils.encodeSlashes(deviceKey);
	}

	/** @return the device's remembered PoP; the caller destroys it */
	public Optional<Secret> recall(String deviceKey) throws StorageException {
		ISecurePreferences root = root();
		String path = nodePath(deviceKey);
		if (!root.nodeExists(path)) {
			return Optional.empty();
		}
		String value = root.node(path).get(KEY, null);
		return value == null ? Optional.empty() : Optional.of(Secret.of(value));
	}

	public void remember(String deviceKey, Secret pop) throws StorageException, IOException {
		ISecurePreferences root = root();
		root.node(nodePath(deviceKey)).put(KEY, pop.reveal(), true);
		root.flush();
	}

	/** Removes the device's PoP, if one is remembered. */
	public void forget(String deviceKey) throws StorageException, IOException {
		ISecurePreferences root = root();
		String path = nodePath(deviceKey);
		if (root.nodeExists(path)) {
			root.node(path).removeNode();
			root.flush();
		}
	}

	private ISecurePreferences root() throws StorageException {
		ISecurePreferences root = storage.get();
		if (root == null) {
			throw new StorageException(StorageException.INTERNAL_ERROR, Messages.RememberedPops_noStorage);
		}
		return root;
	}
}
