/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.IOException;

import dev.onramp.simulator.internal.proto.Constants.Status;
import dev.onramp.simulator.internal.proto.Sec0.S0SessionResp;
import dev.onramp.simulator.internal.proto.Sec0.Sec0MsgType;
import dev.onramp.simulator.internal.proto.Sec0.Sec0Payload;
import dev.onramp.simulator.internal.proto.Session.SecSchemeVersion;
import dev.onramp.simulator.internal.proto.Session.SessionData;

/** Device side of security 0. */
class DeviceSecurity0 implements DeviceCipher {

	private boolean established;

	@Override
	public byte[] handshake(byte[] request) throws IOException {
		SessionData data = SessionData.parseFrom(request);
		if (data.getSecVer() != SecSchemeVersion.SecScheme0 || !data.hasSec0()
				|| data.getSec0().getMsg() != Sec0MsgType.S0_Session_Command) {
			throw new IOException("not a security 0 command"); //$NON-NLS-1$
		}
		established = true;
		return SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme0)
				.setSec0(Sec0Payload.newBuilder().setMsg(Sec0MsgType.S0_Session_Response)
						.setSr(S0SessionResp.newBuilder().setStatus(Status.Success)))
				.build().toByteArray();
	}

	@Override
	public boolean established() {
		return established;
	}

	@Override
	public byte[] encrypt(byte[] data) {
		return data;
	}

	@Override
	public byte[] decrypt(byte[] data) {
		return data;
	}
}
