/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;

/**
 * The SRP6a formulas of protocomm security 2, byte for byte (RFC 5054 3072-bit group, g = 5, SHA-512). Bouncy
 * Castle's {@code SRP6Client} does the group arithmetic; the session key and the proofs follow ESP-IDF's encodings,
 * which differ from Bouncy Castle's own ({@code K = H(S)} over S's minimal bytes, M over the bytes as sent).
 */
public final class Srp6a {

	public static final BigInteger N = SRP6StandardGroups.rfc5054_3072.getN();
	public static final BigInteger G = SRP6StandardGroups.rfc5054_3072.getG();
	/** N's length in bytes: every padded value has it. */
	public static final int LENGTH = 384;

	private Srp6a() {
	}

	public static byte[] hash(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-512"); //$NON-NLS-1$
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return x left-padded with zero bytes to 384 bytes */
	public static byte[] pad(BigInteger value) {
		byte[] minimal = minimal(value);
		if (minimal.length > LENGTH) {
			throw new IllegalArgumentException("value larger than N"); //$NON-NLS-1$
		}
		byte[] padded = new byte[LENGTH];
		System.arraycopy(minimal, 0, padded, LENGTH - minimal.length, minimal.length);
		return padded;
	}

	/** @return the big-endian bytes without a sign byte or leading zeros */
	public static byte[] minimal(BigInteger value) {
		byte[] bytes = value.toByteArray();
		int start = 0;
		while (start < bytes.length - 1 && bytes[start] == 0) {
			start++;
		}
		return Arrays.copyOfRange(bytes, start, bytes.length);
	}

	/** x = H(salt | H(I | ":" | P)) */
	public static BigInteger x(byte[] salt, byte[] username, byte[] password) {
		byte[] inner = hash(username, ":".getBytes(StandardCharsets.US_ASCII), password); //$NON-NLS-1$
		return new BigInteger(1, hash(salt, inner));
	}

	/** v = g^x mod N, as the device stores it */
	public static byte[] verifier(byte[] salt, byte[] username, byte[] password) {
		return pad(G.modPow(x(salt, username, password), N));
	}

	/** K = H(S) over S's minimal bytes */
	public static byte[] sessionKey(BigInteger s) {
		return hash(minimal(s));
	}

	/** M = H((H(N) xor H(PAD(g))) | H(I) | salt | A | B | K), A and B exactly as sent on the wire */
	public static byte[] clientProof(byte[] username, byte[] salt, byte[] aWire, byte[] bWire, byte[] k) {
		byte[] hn = hash(minimal(N));
		byte[] hg = hash(pad(G));
		byte[] xor = new byte[hn.length];
		for (int i = 0; i < xor.length; i++) {
			xor[i] = (byte) (hn[i] ^ hg[i]);
		}
		return hash(xor, hash(username), salt, aWire, bWire, k);
	}

	/** the device's answer: H(A | M | K) */
	public static byte[] deviceProof(byte[] aWire, byte[] m, byte[] k) {
		return hash(aWire, m, k);
	}
}
