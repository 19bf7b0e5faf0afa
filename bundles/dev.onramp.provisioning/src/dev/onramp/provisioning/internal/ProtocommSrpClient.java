/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.math.BigInteger;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.srp.SRP6Client;
import org.bouncycastle.crypto.agreement.srp.SRP6Util;

/**
 * Bouncy Castle's SRP6a client in protocomm's message order: A goes out before the device sends the salt, so x is
 * computed only when B and the salt arrive. S = (B - k·g^x)^(a + u·x) mod N with k = H(N | PAD(g)) and
 * u = H(PAD(A) | PAD(B)) is Bouncy Castle's own arithmetic.
 */
class ProtocommSrpClient extends SRP6Client {

	/** The length of the private value a, as ESP-IDF's reference client (esp_prov) draws it: 32 random bytes. */
	static final int PRIVATE_VALUE_BITS = 256;

	/** @return A = g^a mod N for a fresh private value a */
	BigInteger start() {
		a = selectPrivateValue();
		A = g.modPow(a, N);
		return A;
	}

	/**
	 * A private value of 256 random bits, as esp_prov's and the firmware's own (its b is 256 bits too): 128-bit
	 * security against the discrete logarithm, which is what the 3072-bit group itself offers. Bouncy Castle's default
	 * draws a value as long as N, which made g^a and S's exponentiation about twelve and three times the work without
	 * making the session any stronger.
	 */
	@Override
	protected BigInteger selectPrivateValue() {
		BigInteger value;
		do {
			value = new BigInteger(PRIVATE_VALUE_BITS, random);
		} while (value.signum() == 0);
		return value;
	}

	/** @return S */
	BigInteger secret(byte[] salt, byte[] identity, byte[] password, BigInteger serverB) throws CryptoException {
		x = SRP6Util.calculateX(digest, N, salt, identity, password);
		return calculateSecret(serverB);
	}
}
