/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import dev.onramp.provisioning.internal.Deadline;
import dev.onramp.provisioning.internal.DeviceClosedException;
import dev.onramp.provisioning.internal.SoftApHttpTransport;
import dev.onramp.provisioning.internal.Srp6a;
import dev.onramp.provisioning.internal.proto.Constants.Status;
import dev.onramp.provisioning.internal.proto.Sec1.Sec1MsgType;
import dev.onramp.provisioning.internal.proto.Sec1.Sec1Payload;
import dev.onramp.provisioning.internal.proto.Sec1.SessionCmd0;
import dev.onramp.provisioning.internal.proto.Sec1.SessionCmd1;
import dev.onramp.provisioning.internal.proto.Sec2.S2SessionCmd0;
import dev.onramp.provisioning.internal.proto.Sec2.S2SessionCmd1;
import dev.onramp.provisioning.internal.proto.Sec2.Sec2MsgType;
import dev.onramp.provisioning.internal.proto.Sec2.Sec2Payload;
import dev.onramp.provisioning.internal.proto.Session.SecSchemeVersion;
import dev.onramp.provisioning.internal.proto.Session.SessionData;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * ESP-IDF's own protocomm unit tests, case by case, against the simulated device that stands in for that firmware in
 * every other test: each malformed session command ESP-IDF's tests expect protocomm to reject must be rejected (over
 * SoftAP: the handler fails and the connection closes without an answer). Sources (github.com/espressif/esp-idf):
 * components/protocomm/test_apps/main/test_security1.c at 28da6733a2f14d952554c3362d14cf263c18c642,
 * test_security2.c at 6f1f41ff45a63f8d8b9b4f33174ed4bc1f4a29bb and test_srp.c at
 * 05921ab663ef958c8231eaff4d6259aa0bb89ab9 (an all-zero A and A = N refused, RFC 5054 section 2.5.4). A well-formed
 * Command0 is answered, so a rejection is the device's judgement, not a dead device.
 */
class EspIdfProtocommCasesTest {

	private static final String POP = "abcd1234"; //$NON-NLS-1$
	private static final byte[] KEY_AB = filled(32, 0xAB);

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : open) {
			closeable.close();
		}
	}

	private static byte[] filled(int length, int value) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}

	private SoftApHttpTransport device(int security) throws Exception {
		SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
				.security(security).pop(POP).network("HomeNet", "home-password").build()); //$NON-NLS-1$ //$NON-NLS-2$
		open.add(device);
		SoftApHttpTransport transport = new SoftApHttpTransport("127.0.0.1", device.port(), //$NON-NLS-1$
				Deadline.in(Duration.ofSeconds(10)));
		open.add(transport::close);
		return transport;
	}

	private static byte[] sec1(Sec1Payload.Builder payload) {
		return SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme1).setSec1(payload).build().toByteArray();
	}

	private static byte[] sec2(Sec2Payload.Builder payload) {
		return SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme2).setSec2(payload).build().toByteArray();
	}

	private void assertRejected(int security, byte[] request) throws Exception {
		SoftApHttpTransport transport = device(security);
		assertThrows(DeviceClosedException.class, () -> transport.exchange("prov-session", request)); //$NON-NLS-1$
	}

	@Test
	void security1AnswersAWellFormedCommand0() throws Exception {
		byte[] answer = device(1).exchange("prov-session", sec1(Sec1Payload.newBuilder() //$NON-NLS-1$
				.setMsg(Sec1MsgType.Session_Command0).setSc0(SessionCmd0.newBuilder()
						.setClientPubkey(ByteString.copyFrom(HexFormat.of().parseHex(
								"8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")))))); //$NON-NLS-1$
		SessionData data = SessionData.parseFrom(answer);
		assertEquals(Sec1MsgType.Session_Response0, data.getSec1().getMsg());
		assertEquals(Status.Success, data.getSec1().getSr0().getStatus());
		assertEquals(32, data.getSec1().getSr0().getDevicePubkey().size());
		assertEquals(16, data.getSec1().getSr0().getDeviceRandom().size());
	}

	/** test_security1.c: "security1 cmd0 missing sc0 payload NULL dereference" */
	@Test
	void security1Command0WithoutItsPayload() throws Exception {
		assertRejected(1, sec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Command0)));
	}

	/** test_security1.c: "security1 cmd0 msg with sc1 payload oneof type confusion" */
	@Test
	void security1Command0CarryingCommand1() throws Exception {
		assertRejected(1, sec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Command0)
				.setSc1(SessionCmd1.newBuilder().setClientVerifyData(ByteString.copyFrom(filled(32, 0x55))))));
	}

	/** test_security1.c: "security1 cmd1 missing sc1 payload NULL dereference" */
	@Test
	void security1Command1WithoutItsPayload() throws Exception {
		assertRejected(1, sec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Command1)));
	}

	/** test_security1.c: "security1 cmd1 msg with sc0 payload oneof type confusion" */
	@Test
	void security1Command1CarryingCommand0() throws Exception {
		assertRejected(1, sec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Command1)
				.setSc0(SessionCmd0.newBuilder().setClientPubkey(ByteString.copyFrom(KEY_AB)))));
	}

	/** test_security1.c: "security1 sec2 payload with sec_ver=1 cross-scheme type confusion" */
	@Test
	void security1VersionCarryingASecurity2Payload() throws Exception {
		assertRejected(1, SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme1)
				.setSec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command0)
						.setSc0(S2SessionCmd0.newBuilder().setClientPubkey(ByteString.copyFrom(filled(384, 0xAB)))
								.setClientUsername(ByteString.copyFromUtf8("wifiprov")))) //$NON-NLS-1$
				.build().toByteArray());
	}

	@Test
	void security2AnswersAWellFormedCommand0() throws Exception {
		byte[] a = Srp6a.pad(Srp6a.G.modPow(BigInteger.valueOf(0x5eed), Srp6a.N));
		byte[] answer = device(2).exchange("prov-session", sec2(Sec2Payload.newBuilder() //$NON-NLS-1$
				.setMsg(Sec2MsgType.S2Session_Command0).setSc0(S2SessionCmd0.newBuilder()
						.setClientUsername(ByteString.copyFromUtf8("wifiprov")).setClientPubkey(ByteString.copyFrom(a))))); //$NON-NLS-1$
		SessionData data = SessionData.parseFrom(answer);
		assertEquals(Sec2MsgType.S2Session_Response0, data.getSec2().getMsg());
		assertEquals(Status.Success, data.getSec2().getSr0().getStatus());
	}

	/** test_security2.c: "security2 cmd0 oversized username uint16_t truncation heap overflow" */
	@Test
	void security2Command0WithAnOversizedUsername() throws Exception {
		assertRejected(2, sec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command0)
				.setSc0(S2SessionCmd0.newBuilder().setClientUsername(ByteString.copyFrom(filled(65537, 'A')))
						.setClientPubkey(ByteString.copyFrom(filled(384, 0xAB))))));
	}

	/** test_security2.c: "security2 cmd0 missing sc0 payload NULL dereference" */
	@Test
	void security2Command0WithoutItsPayload() throws Exception {
		assertRejected(2, sec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command0)));
	}

	/** test_security2.c: "security2 cmd0 msg with sc1 payload oneof type confusion heap overflow" */
	@Test
	void security2Command0CarryingCommand1() throws Exception {
		assertRejected(2, sec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command0)
				.setSc1(S2SessionCmd1.newBuilder().setClientProof(ByteString.copyFrom(filled(64, 0x33))))));
	}

	/** test_security2.c: "security2 cmd1 msg with sc0 payload oneof type confusion" */
	@Test
	void security2Command1CarryingCommand0() throws Exception {
		assertRejected(2, sec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command1)
				.setSc0(S2SessionCmd0.newBuilder().setClientUsername(ByteString.copyFromUtf8("alice")) //$NON-NLS-1$
						.setClientPubkey(ByteString.copyFrom(filled(384, 0xAB))))));
	}

	/** test_security2.c: "security2 sec1 payload with sec_ver=2 cross-scheme type confusion heap overflow" */
	@Test
	void security2VersionCarryingASecurity1Payload() throws Exception {
		assertRejected(2, SessionData.newBuilder().setSecVer(SecSchemeVersion.SecScheme2)
				.setSec1(Sec1Payload.newBuilder().setMsg(Sec1MsgType.Session_Command0)
						.setSc0(SessionCmd0.newBuilder().setClientPubkey(ByteString.copyFrom(KEY_AB))))
				.build().toByteArray());
	}

	/** test_srp.c: "SRP reject A=0 (RFC 5054 2.5.4)" and "SRP reject A=N (RFC 5054 2.5.4)" */
	@Test
	void security2RefusesAPublicValueOfZeroModuloN() throws Exception {
		for (byte[] a : new byte[][] { new byte[384], Srp6a.pad(Srp6a.N) }) {
			assertRejected(2, sec2(Sec2Payload.newBuilder().setMsg(Sec2MsgType.S2Session_Command0)
					.setSc0(S2SessionCmd0.newBuilder().setClientUsername(ByteString.copyFromUtf8("wifiprov")) //$NON-NLS-1$
							.setClientPubkey(ByteString.copyFrom(a)))));
		}
	}
}
