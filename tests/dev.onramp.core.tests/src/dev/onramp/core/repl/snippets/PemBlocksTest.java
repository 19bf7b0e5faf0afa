/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Which PEM files travel as their DER: exactly those the strict layout gives back byte for byte. The expected text
 * is written out here by hand (RFC 7468's example layout: 64 characters a line, padding on the last), not produced by
 * the class under test.
 */
class PemBlocksTest {

	/** 50 bytes 0x00..0x31: one full line of 48 bytes and a last line of 2 (padded). */
	private static final byte[] FIFTY = HexFormat.of().parseHex(
			"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031");
	private static final String STRICT = "-----BEGIN CERTIFICATE-----\n"
			+ "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v\n"
			+ "MDE=\n"
			+ "-----END CERTIFICATE-----\n";
	private static final String KEY = "-----BEGIN PRIVATE KEY-----\n"
			+ "AAEC\n"
			+ "-----END PRIVATE KEY-----\n";

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	@Test
	void aStrictChainIsItsBlocksInOrderAndEncodesBackToTheSameBytes() {
		Optional<PemBlocks> pem = PemBlocks.parse(ascii(STRICT + KEY));
		assertTrue(pem.isPresent());
		assertEquals(List.of(new PemBlocks.Block("CERTIFICATE", FIFTY),
				new PemBlocks.Block("PRIVATE KEY", new byte[] { 0, 1, 2 })), pem.get().blocks());
		assertArrayEquals(ascii(STRICT + KEY), pem.get().encode());
		byte[] der = pem.get().der();
		assertEquals(53, der.length);
		assertEquals(0x31, der[49]);
		assertEquals(2, der[52]);
	}

	@Test
	void anyOtherLayoutTravelsAsItIs() {
		String[] others = {
				STRICT.replace("\n", "\r\n"), // CRLF line ends
				STRICT.substring(0, STRICT.length() - 1), // no final line feed
				"\n" + STRICT, // a blank line before
				STRICT + "\n", // a blank line after
				"subject=CN=x\n" + STRICT, // OpenSSL's text before the block
				STRICT.replace("MDE=", "MDE"), // padding left out
				"-----BEGIN CERTIFICATE-----\n" // lines of 76 characters (MIME)
						+ "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDE=\n"
						+ "-----END CERTIFICATE-----\n",
				STRICT.replace("-----END CERTIFICATE-----", "-----END PRIVATE KEY-----"), // END of another label
				STRICT.replace("MDE=", "MD!="), // not base64
				"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAEC\n-----END RSA PRIVATE KEY-----\n",
				"not PEM at all\n", "" };
		for (String other : others) {
			assertTrue(PemBlocks.parse(ascii(other)).isEmpty(), other);
		}
		assertTrue(PemBlocks.parse(new byte[] { 0x30, (byte) 0x82, 0x01, 0x0a, '\n' }).isEmpty(), "DER");
	}
}
