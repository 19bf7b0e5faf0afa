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

	/** @return A = g^a mod N for a fresh private value a */
	BigInteger start() {
		a = selectPrivateValue();
		A = g.modPow(a, N);
		return A;
	}

	/** @return S */
	BigInteger secret(byte[] salt, byte[] identity, byte[] password, BigInteger serverB) throws CryptoException {
		x = SRP6Util.calculateX(digest, N, salt, identity, password);
		return calculateSecret(serverB);
	}
}
