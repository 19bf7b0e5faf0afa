/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.junit.jupiter.api.Test;

/**
 * Security 2's SRP-6a against published numbers. RFC 5054 appendix B gives a whole exchange for the 1024-bit group
 * with SHA-1: the client's arithmetic in protocomm's message order ({@link ProtocommSrpClient}: A first, x only
 * when the salt arrives) is checked with it on that group. ESP-IDF's own unit tests (components/protocomm/test_apps/
 * main/test_srp.c at 05921ab663ef958c8231eaff4d6259aa0bb89ab9) give the 3072-bit N that security 2 uses and a salt
 * and verifier for wifiprov / abcd1234 (ProtocommClientTest checks {@link Srp6a#verifier} against them). No
 * published exchange exists for the 3072-bit group with SHA-512, so the session key, M1 and M2 with SHA-512 are
 * checked only against the simulated device, which computes them with its own code.
 */
class SrpReferenceTest {

	private static final HexFormat HEX = HexFormat.of();

	// RFC 5054 appendix B
	private static final byte[] SALT = HEX.parseHex("beb25379d1a8581eb5a727673a2441ee"); //$NON-NLS-1$
	private static final BigInteger A_PRIVATE = new BigInteger(
			"60975527035cf2ad1989806f0407210bc81edc04e2762a56afd529ddda2d4393", 16); //$NON-NLS-1$
	private static final String A_PUBLIC = "" //$NON-NLS-1$
			+ "61d5e490f6f1b79547b0704c436f523dd0e560f0c64115bb72557ec44352e890" //$NON-NLS-1$
			+ "3211c04692272d8b2d1a5358a2cf1b6e0bfcf99f921530ec8e39356179eae45e" //$NON-NLS-1$
			+ "42ba92aeaced825171e1e8b9af6d9c03e1327f44be087ef06530e69f66615261" //$NON-NLS-1$
			+ "eef54073ca11cf5858f0edfdfe15efeab349ef5d76988a3672fac47b0769447b"; //$NON-NLS-1$
	private static final String B_PUBLIC = "" //$NON-NLS-1$
			+ "bd0c61512c692c0cb6d041fa01bb152d4916a1e77af46ae105393011baf38964" //$NON-NLS-1$
			+ "dc46a0670dd125b95a981652236f99d9b681cbf87837ec996c6da04453728610" //$NON-NLS-1$
			+ "d0c6ddb58b318885d7d82c7f8deb75ce7bd4fbaa37089e6f9c6059f388838e7a" //$NON-NLS-1$
			+ "00030b331eb76840910440b1b27aaeaeeb4012b7d7665238a8e3fb004b117b58"; //$NON-NLS-1$
	private static final String PREMASTER = "" //$NON-NLS-1$
			+ "b0dc82babcf30674ae450c0287745e7990a3381f63b387aaf271a10d233861e3" //$NON-NLS-1$
			+ "59b48220f7c4693c9ae12b0a6f67809f0876e2d013800d6c41bb59b6d5979b5c" //$NON-NLS-1$
			+ "00a172b4a2a5903a0bdcaf8a709585eb2afafa8f3499b200210dcc1f10eb3394" //$NON-NLS-1$
			+ "3cd67fc88a2f39a4be5bec4ec0a3212dc346d7e474b29ede8a469ffeca686e5a"; //$NON-NLS-1$

	// ESP-IDF test_srp.c, test_N_3072 (RFC 5054 appendix A's 3072-bit group, generator 5)
	private static final String N_3072 = "" //$NON-NLS-1$
			+ "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404dd" //$NON-NLS-1$
			+ "ef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed" //$NON-NLS-1$
			+ "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a69163fa8fd24cf5f" //$NON-NLS-1$
			+ "83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b" //$NON-NLS-1$
			+ "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2261898fa0510" //$NON-NLS-1$
			+ "15728e5a8aaac42dad33170d04507a33a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7" //$NON-NLS-1$
			+ "abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864d87602733ec86a64521f2b18177b200c" //$NON-NLS-1$
			+ "bbe117577a615d6c770988c0bad946e208e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff"; //$NON-NLS-1$

	private static ProtocommSrpClient rfc5054Client() {
		ProtocommSrpClient client = new ProtocommSrpClient() {
			@Override
			protected BigInteger selectPrivateValue() {
				return A_PRIVATE;
			}
		};
		client.init(SRP6StandardGroups.rfc5054_1024, new SHA1Digest(), new SecureRandom());
		return client;
	}

	@Test
	void rfc5054AppendixBPublicValueAndPremasterSecret() throws Exception {
		ProtocommSrpClient client = rfc5054Client();
		assertEquals(new BigInteger(A_PUBLIC, 16), client.start());
		BigInteger secret = client.secret(SALT, "alice".getBytes(StandardCharsets.UTF_8), //$NON-NLS-1$
				"password123".getBytes(StandardCharsets.UTF_8), new BigInteger(B_PUBLIC, 16)); //$NON-NLS-1$
		assertEquals(new BigInteger(PREMASTER, 16), secret);
	}

	/** RFC 5054 section 2.5.4: a B that is 0 modulo N must end the exchange (ESP-IDF tests the same for A). */
	@Test
	void aDevicePublicValueOfZeroModuloNIsRefused() {
		ProtocommSrpClient client = rfc5054Client();
		client.start();
		BigInteger n = SRP6StandardGroups.rfc5054_1024.getN();
		for (BigInteger b : new BigInteger[] { BigInteger.ZERO, n, n.shiftLeft(1) }) {
			assertThrows(CryptoException.class, () -> client.secret(SALT, "alice".getBytes(StandardCharsets.UTF_8), //$NON-NLS-1$
					"password123".getBytes(StandardCharsets.UTF_8), b), b.toString(16)); //$NON-NLS-1$
		}
	}

	@Test
	void securityTwoUsesEspIdfsGroup() {
		assertArrayEquals(HEX.parseHex(N_3072), Srp6a.pad(Srp6a.N));
		assertEquals(384, HEX.parseHex(N_3072).length);
		assertEquals(BigInteger.valueOf(5), Srp6a.G);
	}
}
