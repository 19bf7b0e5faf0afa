/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.protobuf.ByteString;

import dev.onramp.simulator.internal.proto.Constants.Status;
import dev.onramp.simulator.internal.proto.Sec2.S2SessionResp0;
import dev.onramp.simulator.internal.proto.Sec2.S2SessionResp1;
import dev.onramp.simulator.internal.proto.Sec2.Sec2MsgType;
import dev.onramp.simulator.internal.proto.Sec2.Sec2Payload;
import dev.onramp.simulator.internal.proto.Session.SecSchemeVersion;
import dev.onramp.simulator.internal.proto.Session.SessionData;

/**
 * Device side of security 2, written independently of the client: an SRP6a server holding only salt and verifier,
 * checking the client's proof M before answering, then AES-256-GCM.
 */
class DeviceSecurity2 implements DeviceCipher {

	static final BigInteger N = new BigInteger("" //$NON-NLS-1$
			+ "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404dd" //$NON-NLS-1$
			+ "ef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed" //$NON-NLS-1$
			+ "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da48361c55d39a69163fa8fd24cf5f" //$NON-NLS-1$
			+ "83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b" //$NON-NLS-1$
			+ "e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6955817183995497cea956ae515d2261898fa0510" //$NON-NLS-1$
			+ "15728e5a8aaac42dad33170d04507a33a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7" //$NON-NLS-1$
			+ "abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864d87602733ec86a64521f2b18177b200c" //$NON-NLS-1$
			+ "bbe117577a615d6c770988c0bad946e208e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff", //$NON-NLS-1$
			16);
	static final BigInteger G = BigInteger.valueOf(5);
	private static final int LEN = 384;

	private final String username;
	private final byte[] salt;
	private final BigInteger v;
	private final boolean advance;
	private final SecureRandom random = new SecureRandom();

	private byte[] aWire;
	private byte[] bWire;
	private BigInteger bPrivate;
	private BigInteger bPublic;
	private byte[] key;
	private byte[] nonce;
	private boolean established;

	DeviceSecurity2(String username, byte[] salt, byte[] verifier, int patchVersion) {
		this.username = username;
		this.salt = salt.clone();
		this.v = new BigInteger(1, verifier);
		this.advance = patchVersion >= 1;
	}

	/** The verifier a manufacturing tool would store: v = g^H(salt | H(I | ":" | P)) mod N. */
	static byte[] verifierFor(String username, String password, byte[] salt) {
		byte[] inner = sha512(concat(username.getBytes(StandardCharsets.UTF_8), new byte[] { ':' },
				password.getBytes(StandardCharsets.UTF_8)));
		BigInteger x = new BigInteger(1, sha512(concat(salt, inner)));
		return padded(G.modPow(x, N));
	}

	@Override
	public byte[] handshake(byte[] request) throws IOException {
		SessionData data = SessionData.parseFrom(request);
		if (data.getSecVer() != SecSchemeVersion.SecScheme2 || !data.hasSec2()) {
			throw new IOException("not a security 2 command"); //$NON-NLS-1$
		}
		Sec2Payload payload = data.getSec2();
		if (payload.getMsg() == Sec2MsgType.S2Session_Command0 && aWire == null) {
			return step0(payload.getSc0().getClientUsername().toStringUtf8(),
					payload.getSc0().getClientPubkey().toByteArray());
		}
		if (payload.getMsg() == Sec2MsgType.S2Session_Command1 && aWire != null && !established) {
			return step1(payload.getSc1().getClientProof().toByteArray());
		}
		throw new IOException("security 2 command out of order"); //$NON-NLS-1$
	}

	private byte[] step0(String clientUsername, byte[] a) throws IOException {
		if (!username.equals(clientUsername)) {
			throw new IOException("unknown username"); //$NON-NLS-1$
		}
		BigInteger aValue = new BigInteger(1, a);
		if (a.length != LEN || aValue.mod(N).signum() == 0) {
			throw new IOException("bad client public value"); //$NON-NLS-1$
		}
		aWire = a.clone();
		bPrivate = new BigInteger(256, random);
		BigInteger k = new BigInteger(1, sha512(concat(unpadded(N), padded(G))));
		bPublic = k.multiply(v).add(G.modPow(bPrivate, N)).mod(N);
		bWire = unpadded(bPublic);
		return SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme2)
				.setSec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Response0)
						.setSr0(S2SessionResp0.newBuilder().setStatus(Status.Success)
								.setDevicePubkey(ByteString.copyFrom(bWire)).setDeviceSalt(ByteString.copyFrom(salt))))
				.build().toByteArray();
	}

	private byte[] step1(byte[] clientProof) throws IOException {
		BigInteger aValue = new BigInteger(1, aWire);
		BigInteger u = new BigInteger(1, sha512(concat(padded(aValue), padded(bPublic))));
		BigInteger s = aValue.multiply(v.modPow(u, N)).mod(N).modPow(bPrivate, N);
		byte[] k = sha512(unpadded(s));
		byte[] hn = sha512(unpadded(N));
		byte[] hg = sha512(padded(G));
		byte[] x = new byte[64];
		for (int i = 0; i < 64; i++) {
			x[i] = (byte) (hn[i] ^ hg[i]);
		}
		byte[] expected = sha512(concat(x, sha512(username.getBytes(StandardCharsets.UTF_8)), salt, aWire, bWire, k));
		if (!MessageDigest.isEqual(expected, clientProof)) {
			// wrong proof of possession
			throw new IOException("client proof mismatch"); //$NON-NLS-1$
		}
		byte[] proof = sha512(concat(aWire, clientProof, k));
		nonce = new byte[12];
		random.nextBytes(nonce);
		nonce[8] = 0;
		nonce[9] = 0;
		nonce[10] = 0;
		nonce[11] = 1;
		key = Arrays.copyOf(k, 32);
		established = true;
		return SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme2)
				.setSec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Response1)
						.setSr1(S2SessionResp1.newBuilder().setStatus(Status.Success)
								.setDeviceProof(ByteString.copyFrom(proof)).setDeviceNonce(ByteString.copyFrom(nonce))))
				.build().toByteArray();
	}

	@Override
	public boolean established() {
		return established;
	}

	@Override
	public byte[] encrypt(byte[] data) throws IOException {
		return gcm(Cipher.ENCRYPT_MODE, data);
	}

	@Override
	public byte[] decrypt(byte[] data) throws IOException {
		return gcm(Cipher.DECRYPT_MODE, data);
	}

	private byte[] gcm(int mode, byte[] data) throws IOException {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding"); //$NON-NLS-1$
			cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce)); //$NON-NLS-1$
			byte[] out = cipher.doFinal(data);
			if (advance) {
				int counter = ((nonce[8] & 0xff) << 24) | ((nonce[9] & 0xff) << 16) | ((nonce[10] & 0xff) << 8)
						| (nonce[11] & 0xff);
				counter++;
				nonce[8] = (byte) (counter >>> 24);
				nonce[9] = (byte) (counter >>> 16);
				nonce[10] = (byte) (counter >>> 8);
				nonce[11] = (byte) counter;
			}
			return out;
		} catch (GeneralSecurityException e) {
			throw new IOException("decryption failed", e); //$NON-NLS-1$
		}
	}

	static byte[] padded(BigInteger value) {
		byte[] minimal = unpadded(value);
		byte[] out = new byte[LEN];
		System.arraycopy(minimal, 0, out, LEN - minimal.length, minimal.length);
		return out;
	}

	static byte[] unpadded(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			return Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] out = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, out, at, part.length);
			at += part.length;
		}
		return out;
	}

	private static byte[] sha512(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-512").digest(data); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
