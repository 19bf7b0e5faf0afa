/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;

/**
 * Where the password of the CA's key store lives: Eclipse secure storage, or an environment variable on CI. The
 * password never leaves this interface's implementations except as a {@link Secret}.
 */
public interface CaPasswordSource {

	/** @return the stored password, or {@code null} when none is stored */
	Secret existing() throws OnrampException;

	/**
	 * @return the stored password, or a new strong random one, stored before it is returned, when none exists. An
	 *         existing password is never replaced: a key store may still need it.
	 */
	Secret existingOrNew() throws OnrampException;

	/** @return where the password lives, for messages (never the password) */
	String describe();
}
