/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import com.google.protobuf.InvalidProtocolBufferException;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.provisioning.internal.proto.Constants.Status;
import dev.onramp.provisioning.internal.proto.Sec0.S0SessionCmd;
import dev.onramp.provisioning.internal.proto.Sec0.Sec0MsgType;
import dev.onramp.provisioning.internal.proto.Sec0.Sec0Payload;
import dev.onramp.provisioning.internal.proto.Session.SecSchemeVersion;
import dev.onramp.provisioning.internal.proto.Session.SessionData;

/** Security 0: no encryption, a one-message handshake. */
public class Security0 implements ISecurityScheme {

	@Override
	public String version() {
		return "0"; //$NON-NLS-1$
	}

	@Override
	public void establish(Exchange exchange) throws OnrampException, DeviceClosedException {
		SessionData request = SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme0)
				.setSec0(Sec0Payload.newBuilder().setMsg(Sec0MsgType.S0_Session_Command)
						.setSc(S0SessionCmd.getDefaultInstance()))
				.build();
		try {
			SessionData response = SessionData.parseFrom(exchange.send(request.toByteArray()));
			if (!response.hasSec0() || response.getSec0().getSr().getStatus() != Status.Success) {
				throw new OnrampException(FailureReason.HANDSHAKE_REJECTED,
						"The device refused a security 0 session.", null); //$NON-NLS-1$
			}
		} catch (InvalidProtocolBufferException e) {
			throw Protocomm.malformed("prov-session", e); //$NON-NLS-1$
		}
	}

	@Override
	public byte[] encrypt(byte[] plaintext) {
		return plaintext;
	}

	@Override
	public byte[] decrypt(byte[] ciphertext) {
		return ciphertext;
	}
}
