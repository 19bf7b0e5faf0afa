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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.digests.SHA512Digest;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.Secret;
import dev.onramp.provisioning.internal.proto.Constants.Status;
import dev.onramp.provisioning.internal.proto.Sec2.S2SessionCmd0;
import dev.onramp.provisioning.internal.proto.Sec2.S2SessionCmd1;
import dev.onramp.provisioning.internal.proto.Sec2.S2SessionResp0;
import dev.onramp.provisioning.internal.proto.Sec2.S2SessionResp1;
import dev.onramp.provisioning.internal.proto.Sec2.Sec2MsgType;
import dev.onramp.provisioning.internal.proto.Sec2.Sec2Payload;
import dev.onramp.provisioning.internal.proto.Session.SecSchemeVersion;
import dev.onramp.provisioning.internal.proto.Session.SessionData;

/**
 * Security 2: SRP6a (username + proof of possession as password) and AES-256-GCM. With {@code sec_patch_ver} 1 and
 * above, the nonce's 32-bit counter advances after every encryption and every decryption.
 */
public class Security2 implements ISecurityScheme {

	private static final int TAG_BITS = 128;

	private final String username;
	private final Optional<Secret> pop;
	private final boolean advanceNonce;
	private byte[] key;
	private byte[] nonce;

	public Security2(String username, Optional<Secret> pop, int patchVersion) {
		this.username = username;
		this.pop = pop;
		this.advanceNonce = patchVersion >= 1;
	}

	@Override
	public String version() {
		return "2"; //$NON-NLS-1$
	}

	@Override
	public void establish(Exchange exchange) throws OnrampException, DeviceClosedException {
		if (pop.isEmpty() || pop.get().isEmpty()) {
			throw new OnrampException(FailureReason.USAGE, "Security 2 needs a proof of possession (the SRP password).", //$NON-NLS-1$
					"Give the proof of possession printed on the device or its QR code.") //$NON-NLS-1$
					.withRemedy(Remedy.SRP_CREDENTIALS);
		}
		byte[] identity = username.getBytes(StandardCharsets.UTF_8);
		ProtocommSrpClient client = new ProtocommSrpClient();
		client.init(SRP6StandardGroups.rfc5054_3072, new SHA512Digest(), new SecureRandom());
		byte[] password = pop.get().utf8();
		try {
			BigInteger aValue = client.start();
			byte[] aWire = Srp6a.pad(aValue);
			S2SessionResp0 resp0 = send(exchange, Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command0)
					.setSc0(S2SessionCmd0.newBuilder().setClientUsername(ByteString.copyFrom(identity))
							.setClientPubkey(ByteString.copyFrom(aWire)))
					.build()).getSr0();
			byte[] bWire = resp0.getDevicePubkey().toByteArray();
			byte[] salt = resp0.getDeviceSalt().toByteArray();
			if (resp0.getStatus() != Status.Success || bWire.length == 0 || bWire.length > Srp6a.LENGTH
					|| salt.length == 0) {
				throw Protocomm.rejected("The device refused the security 2 handshake."); //$NON-NLS-1$
			}
			BigInteger s = secret(client, salt, identity, password, new BigInteger(1, bWire));
			byte[] k = Srp6a.sessionKey(s);
			byte[] m = Srp6a.clientProof(identity, salt, aWire, bWire, k);
			S2SessionResp1 resp1 = send(exchange, Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command1)
					.setSc1(S2SessionCmd1.newBuilder().setClientProof(ByteString.copyFrom(m))).build()).getSr1();
			if (resp1.getStatus() != Status.Success) {
				throw Protocomm.rejected("The device rejected the proof of possession or the username."); //$NON-NLS-1$
			}
			if (!MessageDigest.isEqual(resp1.getDeviceProof().toByteArray(), Srp6a.deviceProof(aWire, m, k))) {
				throw Protocomm.rejected(
						"The device could not prove it knows the SRP verifier for this username and proof of possession."); //$NON-NLS-1$
			}
			nonce = resp1.getDeviceNonce().toByteArray();
			if (nonce.length != 12) {
				throw Protocomm.malformed("prov-session", null); //$NON-NLS-1$
			}
			key = Arrays.copyOf(k, 32);
		} finally {
			Arrays.fill(password, (byte) 0);
		}
	}

	private static BigInteger secret(ProtocommSrpClient client, byte[] salt, byte[] identity, byte[] password,
			BigInteger b) throws OnrampException {
		try {
			return client.secret(salt, identity, password, b);
		} catch (CryptoException e) {
			throw Protocomm.rejected("The device sent an invalid SRP public value."); //$NON-NLS-1$
		}
	}

	private static Sec2Payload send(Exchange exchange, Sec2Payload payload)
			throws OnrampException, DeviceClosedException {
		byte[] request = SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme2).setSec2(payload).build()
				.toByteArray();
		try {
			SessionData response = SessionData.parseFrom(exchange.send(request));
			if (!response.hasSec2()) {
				throw Protocomm.rejected("The device answered the security 2 handshake with another scheme."); //$NON-NLS-1$
			}
			return response.getSec2();
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("prov-session", e); //$NON-NLS-1$
		}
	}

	@Override
	public byte[] encrypt(byte[] plaintext) throws OnrampException {
		return gcm(Cipher.ENCRYPT_MODE, plaintext);
	}

	@Override
	public byte[] decrypt(byte[] ciphertext) throws OnrampException {
		return gcm(Cipher.DECRYPT_MODE, ciphertext);
	}

	private byte[] gcm(int mode, byte[] data) throws OnrampException {
		try {
			// a fresh Cipher each time: with patch 0 the nonce repeats, which one Cipher object refuses
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding"); //$NON-NLS-1$
			cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce)); //$NON-NLS-1$
			byte[] result = cipher.doFinal(data);
			if (advanceNonce) {
				advance(nonce);
			}
			return result;
		} catch (GeneralSecurityException e) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"A message from the device failed its integrity check.", //$NON-NLS-1$
					"The session is out of step with the device; start again.", e); //$NON-NLS-1$
		}
	}

	/** Increments the big-endian 32-bit counter in the nonce's last four bytes. */
	public static void advance(byte[] nonce) {
		for (int i = nonce.length - 1; i >= nonce.length - 4; i--) {
			if (++nonce[i] != 0) {
				return;
			}
		}
	}
}
