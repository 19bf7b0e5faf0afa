/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.util.Base64;

import dev.onramp.core.Secret;

/** Helpers shared by the password sources. */
final class CaPasswords {

	/** 256 bits: the key store's strength rests on this, not on the 10,000 PBKDF2 iterations. */
	private static final int RANDOM_BYTES = 32;

	private CaPasswords() {
	}

	static Secret generate() {
		byte[] bytes = new byte[RANDOM_BYTES];
		KeyPairs.random().nextBytes(bytes);
		return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}
}
