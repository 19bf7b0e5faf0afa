/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.provisioning.internal.proto.Constants.Status;
import dev.onramp.provisioning.internal.proto.Sec1.Sec1MsgType;
import dev.onramp.provisioning.internal.proto.Sec1.Sec1Payload;
import dev.onramp.provisioning.internal.proto.Sec1.SessionCmd0;
import dev.onramp.provisioning.internal.proto.Sec1.SessionCmd1;
import dev.onramp.provisioning.internal.proto.Sec1.SessionResp0;
import dev.onramp.provisioning.internal.proto.Sec1.SessionResp1;
import dev.onramp.provisioning.internal.proto.Session.SecSchemeVersion;
import dev.onramp.provisioning.internal.proto.Session.SessionData;

/**
 * Security 1: X25519 key agreement, the shared key XORed with SHA-256 of the proof of possession, and AES-256-CTR
 * with ONE keystream for both directions, starting at Cmd1.
 */
public class Security1 implements ISecurityScheme {

	private final Optional<Secret> pop;
	private Cipher keystream;

	public Security1(Optional<Secret> pop) {
		this.pop = pop;
	}

	@Override
	public String version() {
		return "1"; //$NON-NLS-1$
	}

	@Override
	public void establish(Exchange exchange) throws OnrampException, DeviceClosedException {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH"); //$NON-NLS-1$
			generator.initialize(NamedParameterSpec.X25519);
			KeyPair pair = generator.generateKeyPair();
			byte[] clientPublic = X25519.raw(pair.getPublic());

			SessionResp0 resp0 = send(exchange, Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Command0)
					.setSc0(SessionCmd0.newBuilder().setClientPubkey(ByteString.copyFrom(clientPublic))).build())
					.getSr0();
			byte[] devicePublic = resp0.getDevicePubkey().toByteArray();
			byte[] deviceRandom = resp0.getDeviceRandom().toByteArray();
			if (resp0.getStatus() != Status.Success || devicePublic.length != 32 || deviceRandom.length != 16) {
				throw Protocomm.rejected("The device refused the security 1 handshake."); //$NON-NLS-1$
			}
			byte[] key;
			try {
				key = sessionKey(pair.getPrivate(), devicePublic, pop);
			} catch (InvalidKeyException | InvalidKeySpecException | IllegalStateException e) {
				// a point of small order (all zeros, for one) gives no shared secret: the device's key, not Java, is at fault
				throw Protocomm.rejected("The device sent a security 1 public key that cannot establish a session."); //$NON-NLS-1$
			}
			keystream = Cipher.getInstance("AES/CTR/NoPadding"); //$NON-NLS-1$
			keystream.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(deviceRandom)); //$NON-NLS-1$
			Arrays.fill(key, (byte) 0);

			byte[] verify = keystream.update(devicePublic);
			SessionResp1 resp1 = send(exchange, Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Command1)
					.setSc1(SessionCmd1.newBuilder().setClientVerifyData(ByteString.copyFrom(verify))).build())
					.getSr1();
			if (resp1.getStatus() != Status.Success) {
				throw Protocomm.rejected("The device rejected the proof of possession."); //$NON-NLS-1$
			}
			byte[] deviceVerify = keystream.update(resp1.getDeviceVerifyData().toByteArray());
			if (!MessageDigest.isEqual(deviceVerify, clientPublic)) {
				throw Protocomm.rejected(
						"The device could not prove it shares the session key: the proof of possession does not match."); //$NON-NLS-1$
			}
		} catch (GeneralSecurityException e) {
			throw new OnrampException(FailureReason.INTERNAL, "Security 1 is not available in this Java runtime.", //$NON-NLS-1$
					null, e);
		}
	}

	/**
	 * @param ours         the host's X25519 private key
	 * @param devicePublic the device's 32-byte public key, as Response0 carries it
	 * @return the AES-256 key: the X25519 shared secret, XORed with SHA-256 of the proof of possession when there is
	 *         one
	 */
	public static byte[] sessionKey(PrivateKey ours, byte[] devicePublic, Optional<Secret> pop)
			throws GeneralSecurityException {
		KeyAgreement agreement = KeyAgreement.getInstance("XDH"); //$NON-NLS-1$
		agreement.init(ours);
		agreement.doPhase(X25519.publicKey(devicePublic), true);
		byte[] key = agreement.generateSecret();
		if (pop.isPresent() && !pop.get().isEmpty()) {
			byte[] popBytes = pop.get().utf8();
			byte[] popHash = MessageDigest.getInstance("SHA-256").digest(popBytes); //$NON-NLS-1$
			Arrays.fill(popBytes, (byte) 0);
			for (int i = 0; i < key.length; i++) {
				key[i] ^= popHash[i];
			}
		}
		return key;
	}

	private static Sec1Payload send(Exchange exchange, Sec1Payload payload)
			throws OnrampException, DeviceClosedException {
		byte[] request = SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme1).setSec1(payload).build()
				.toByteArray();
		try {
			SessionData response = SessionData.parseFrom(exchange.send(request));
			if (!response.hasSec1()) {
				throw Protocomm.rejected("The device answered the security 1 handshake with another scheme."); //$NON-NLS-1$
			}
			return response.getSec1();
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("prov-session", e); //$NON-NLS-1$
		}
	}

	@Override
	public byte[] encrypt(byte[] plaintext) {
		return apply(plaintext);
	}

	@Override
	public byte[] decrypt(byte[] ciphertext) {
		return apply(ciphertext);
	}

	private byte[] apply(byte[] data) {
		byte[] result = keystream.update(data);
		return result == null ? new byte[0] : result;
	}

	/** Raw 32-byte X25519 keys to and from the JDK's key objects. */
	public static final class X25519 {

		private X25519() {
		}

		/** @return the little-endian u coordinate, as protocomm sends it */
		public static byte[] raw(PublicKey key) {
			BigInteger u = ((java.security.interfaces.XECPublicKey) key).getU();
			byte[] bigEndian = u.toByteArray();
			byte[] raw = new byte[32];
			for (int i = 0; i < 32 && i < bigEndian.length; i++) {
				raw[i] = bigEndian[bigEndian.length - 1 - i];
			}
			return raw;
		}

		public static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
			byte[] bigEndian = new byte[33];
			for (int i = 0; i < 32; i++) {
				bigEndian[32 - i] = raw[i];
			}
			bigEndian[1] &= (byte) 0x7f; // RFC 7748: the top bit of the last byte is ignored
			return KeyFactory.getInstance("XDH") //$NON-NLS-1$
					.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(bigEndian)));
		}
	}
}
