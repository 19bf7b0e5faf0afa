/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import dev.onramp.core.OnrampException;

/** One protocomm security scheme: the handshake on {@code prov-session}, then the cipher for every later message. */
public interface ISecurityScheme {

	/** The handshake's request/response exchange on {@code prov-session}. */
	interface Exchange {
		byte[] send(byte[] request) throws OnrampException, DeviceClosedException;
	}

	/** @return {@code 0}, {@code 1} or {@code 2} */
	String version();

	void establish(Exchange exchange) throws OnrampException, DeviceClosedException;

	byte[] encrypt(byte[] plaintext) throws OnrampException;

	byte[] decrypt(byte[] ciphertext) throws OnrampException;
}
