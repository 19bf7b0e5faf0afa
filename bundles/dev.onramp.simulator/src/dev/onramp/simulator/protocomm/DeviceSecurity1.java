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
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.protobuf.ByteString;

import dev.onramp.simulator.internal.proto.Constants.Status;
import dev.onramp.simulator.internal.proto.Sec1.Sec1MsgType;
import dev.onramp.simulator.internal.proto.Sec1.Sec1Payload;
import dev.onramp.simulator.internal.proto.Sec1.SessionResp0;
import dev.onramp.simulator.internal.proto.Sec1.SessionResp1;
import dev.onramp.simulator.internal.proto.Session.SecSchemeVersion;
import dev.onramp.simulator.internal.proto.Session.SessionData;

/** Device side of security 1: checks the client's verify token and closes on a mismatch, as firmware does. */
class DeviceSecurity1 implements DeviceCipher {

	private final Optional<String> pop;
	private byte[] clientPublic;
	private byte[] devicePublic;
	private Cipher ctr;
	private boolean established;

	DeviceSecurity1(Optional<String> pop) {
		this.pop = pop;
	}

	@Override
	public byte[] handshake(byte[] request) throws IOException {
		SessionData data = SessionData.parseFrom(request);
		if (data.getSecVer() != SecSchemeVersion.SecScheme1 || !data.hasSec1()) {
			throw new IOException("not a security 1 command"); //$NON-NLS-1$
		}
		Sec1Payload payload = data.getSec1();
		try {
			if (payload.getMsg() == Sec1MsgType.Session_Command0 && ctr == null) {
				return step0(payload.getSc0().getClientPubkey().toByteArray());
			}
			if (payload.getMsg() == Sec1MsgType.Session_Command1 && ctr != null && !established) {
				return step1(payload.getSc1().getClientVerifyData().toByteArray());
			}
		} catch (GeneralSecurityException e) {
			throw new IOException(e);
		}
		throw new IOException("security 1 command out of order"); //$NON-NLS-1$
	}

	private byte[] step0(byte[] client) throws GeneralSecurityException, IOException {
		if (client.length != 32) {
			throw new IOException("bad client key"); //$NON-NLS-1$
		}
		clientPublic = client;
		KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519"); //$NON-NLS-1$
		KeyPair pair = generator.generateKeyPair();
		devicePublic = littleEndian(((XECPublicKey) pair.getPublic()).getU());
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		KeyAgreement agreement = KeyAgreement.getInstance("X25519"); //$NON-NLS-1$
		agreement.init(pair.getPrivate());
		agreement.doPhase(KeyFactory.getInstance("X25519").generatePublic( //$NON-NLS-1$
				new XECPublicKeySpec(NamedParameterSpec.X25519, fromLittleEndian(client))), true);
		byte[] key = agreement.generateSecret();
		if (pop.isPresent()) {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(pop.get().getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$
			for (int i = 0; i < 32; i++) {
				key[i] = (byte) (key[i] ^ digest[i]);
			}
		}
		ctr = Cipher.getInstance("AES/CTR/NoPadding"); //$NON-NLS-1$
		ctr.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(random)); //$NON-NLS-1$
		return SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme1)
				.setSec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Response0)
						.setSr0(SessionResp0.newBuilder().setStatus(Status.Success)
								.setDevicePubkey(ByteString.copyFrom(devicePublic))
								.setDeviceRandom(ByteString.copyFrom(random))))
				.build().toByteArray();
	}

	private byte[] step1(byte[] verify) throws IOException {
		byte[] plain = ctr.update(verify);
		if (plain == null || !MessageDigest.isEqual(plain, devicePublic)) {
			// wrong proof of possession: firmware fails the handler and the socket closes without a response
			throw new IOException("client verify token mismatch"); //$NON-NLS-1$
		}
		byte[] answer = ctr.update(clientPublic);
		established = true;
		return SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme1)
				.setSec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Response1)
						.setSr1(SessionResp1.newBuilder().setStatus(Status.Success)
								.setDeviceVerifyData(ByteString.copyFrom(answer))))
				.build().toByteArray();
	}

	private static byte[] littleEndian(BigInteger u) {
		byte[] out = new byte[32];
		BigInteger value = u;
		for (int i = 0; i < 32; i++) {
			out[i] = (byte) value.intValue();
			value = value.shiftRight(8);
		}
		return out;
	}

	private static BigInteger fromLittleEndian(byte[] raw) {
		BigInteger value = BigInteger.ZERO;
		for (int i = 31; i >= 0; i--) {
			int b = raw[i] & 0xff;
			if (i == 31) {
				b &= 0x7f;
			}
			value = value.shiftLeft(8).or(BigInteger.valueOf(b));
		}
		return value;
	}

	@Override
	public boolean established() {
		return established;
	}

	@Override
	public byte[] encrypt(byte[] data) {
		byte[] out = ctr.update(data);
		return out == null ? new byte[0] : out;
	}

	@Override
	public byte[] decrypt(byte[] data) {
		return encrypt(data);
	}
}
