/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.provisioning.internal.proto.Constants.Status;
import dev.onramp.provisioning.internal.proto.Sec1.Sec1MsgType;
import dev.onramp.provisioning.internal.proto.Sec1.Sec1Payload;
import dev.onramp.provisioning.internal.proto.Sec1.SessionResp0;
import dev.onramp.provisioning.internal.proto.Session.SecSchemeVersion;
import dev.onramp.provisioning.internal.proto.Session.SessionData;

/** protocomm replies that broke the client's contract, each now a typed failure. */
class ProtocommFindingsTest {

	@Test
	void aSmallOrderDevicePublicKeyIsARejectedHandshakeNotAnOnrampBug() {
		// was: the JDK refuses an all-zero X25519 point ("Point has small order"); Security1 reported that as
		// INTERNAL, "Security 1 is not available in this Java runtime"
		byte[] reply = SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme1)
				.setSec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Response0)
						.setSr0(SessionResp0.newBuilder().setStatus(Status.Success)
								.setDevicePubkey(ByteString.copyFrom(new byte[32]))
								.setDeviceRandom(ByteString.copyFrom(new byte[16]))))
				.build().toByteArray();
		OnrampException e = assertThrows(OnrampException.class,
				() -> new Security1(Optional.of(Secret.of("abcd1234"))).establish(request -> reply)); //$NON-NLS-1$
		assertEquals(FailureReason.HANDSHAKE_REJECTED, e.reason(), e.getMessage());
	}
}
