/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.Secret;
import dev.onramp.provisioning.internal.Security1;

/**
 * Security 1's key agreement ({@link Security1#sessionKey} and its raw key encoding) against the published X25519
 * vectors of RFC 7748 (sections 5.2 and 6.1), and its proof-of-possession step against SHA-256's published example
 * (FIPS 180-2, appendix B.1: SHA-256("abc")). ESP-IDF's security1.c XORs the 32-byte X25519 shared secret with
 * SHA-256 of the proof of possession (github.com/espressif/esp-idf, components/protocomm/src/security/security1.c).
 */
class X25519ReferenceTest {

	private static final HexFormat HEX = HexFormat.of();

	// RFC 7748 section 6.1
	private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"; //$NON-NLS-1$
	private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"; //$NON-NLS-1$
	private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"; //$NON-NLS-1$
	private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"; //$NON-NLS-1$
	private static final String SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"; //$NON-NLS-1$
	private static final String BASE_POINT = "0900000000000000000000000000000000000000000000000000000000000000"; //$NON-NLS-1$

	// FIPS 180-2 appendix B.1
	private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; //$NON-NLS-1$

	private static PrivateKey scalar(String hex) throws Exception {
		return KeyFactory.getInstance("XDH") //$NON-NLS-1$
				.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, HEX.parseHex(hex)));
	}

	private static String x25519(String scalar, String u) throws Exception {
		return HEX.formatHex(Security1.sessionKey(scalar(scalar), HEX.parseHex(u), Optional.empty()));
	}

	@Test
	void section52FirstVector() throws Exception {
		assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552", //$NON-NLS-1$
				x25519("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4", //$NON-NLS-1$
						"e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")); //$NON-NLS-1$
	}

	/** The u coordinate has its top bit set, which RFC 7748 says to ignore: a device key like it still agrees. */
	@Test
	void section52SecondVectorMasksTheTopBit() throws Exception {
		assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957", //$NON-NLS-1$
				x25519("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d", //$NON-NLS-1$
						"e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")); //$NON-NLS-1$
	}

	/** Section 5.2's iteration (k = u = 9; k, u = X25519(k, u), k): after 1 and after 1,000 rounds. */
	@Test
	void section52Iterations() throws Exception {
		String k = BASE_POINT;
		String u = BASE_POINT;
		for (int i = 1; i <= 1000; i++) {
			String next = x25519(k, u);
			u = k;
			k = next;
			if (i == 1) {
				assertEquals("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", k); //$NON-NLS-1$
			}
		}
		assertEquals("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", k); //$NON-NLS-1$
	}

	@Test
	void section61PublicKeysFromTheBasePoint() throws Exception {
		assertEquals(ALICE_PUBLIC, x25519(ALICE_PRIVATE, BASE_POINT));
		assertEquals(BOB_PUBLIC, x25519(BOB_PRIVATE, BASE_POINT));
	}

	@Test
	void section61SharedSecretBothWays() throws Exception {
		assertEquals(SHARED, x25519(ALICE_PRIVATE, BOB_PUBLIC));
		assertEquals(SHARED, x25519(BOB_PRIVATE, ALICE_PUBLIC));
	}

	/** The wire form Response0 and Command0 carry: 32 bytes, little-endian u. */
	@Test
	void rawKeysRoundTrip() throws Exception {
		for (String key : new String[] { ALICE_PUBLIC, BOB_PUBLIC, BASE_POINT }) {
			assertEquals(key, HEX.formatHex(Security1.X25519.raw(Security1.X25519.publicKey(HEX.parseHex(key)))));
		}
	}

	@Test
	void proofOfPossessionIsXoredIntoTheSharedSecret() throws Exception {
		byte[] shared = HEX.parseHex(SHARED);
		byte[] digest = HEX.parseHex(SHA256_ABC);
		byte[] expected = new byte[32];
		for (int i = 0; i < 32; i++) {
			expected[i] = (byte) (shared[i] ^ digest[i]);
		}
		byte[] key = Security1.sessionKey(scalar(ALICE_PRIVATE), HEX.parseHex(BOB_PUBLIC),
				Optional.of(Secret.of("abc"))); //$NON-NLS-1$
		assertEquals(HEX.formatHex(expected), HEX.formatHex(key));
	}
}
