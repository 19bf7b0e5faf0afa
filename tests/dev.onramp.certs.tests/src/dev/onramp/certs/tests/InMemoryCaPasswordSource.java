/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import dev.onramp.certs.internal.CaPasswordSource;
import dev.onramp.core.Secret;

/** A password source for tests: holds the password in memory and counts how often a new one was made. */
final class InMemoryCaPasswordSource implements CaPasswordSource {

	private String password;
	private int created;

	InMemoryCaPasswordSource() {
	}

	InMemoryCaPasswordSource(String password) {
		this.password = password;
	}

	@Override
	public synchronized Secret existing() {
		return password == null ? null : Secret.of(password);
	}

	@Override
	public synchronized Secret existingOrNew() {
		if (password == null) {
			password = "test-" + Long.toHexString(System.nanoTime()) + "-ca-password"; //$NON-NLS-1$ //$NON-NLS-2$
			created++;
		}
		return Secret.of(password);
	}

	synchronized String password() {
		return password;
	}

	synchronized int created() {
		return created;
	}

	@Override
	public String describe() {
		return "the test password source"; //$NON-NLS-1$
	}
}
