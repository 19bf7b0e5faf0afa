/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.google.protobuf.ByteString;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import dev.onramp.fuzz.Mutations.Edit;
import dev.onramp.provisioning.internal.proto.Constants.Status;
import dev.onramp.provisioning.internal.proto.RMakerConfig.RMakerConfigMsgType;
import dev.onramp.provisioning.internal.proto.RMakerConfig.RMakerConfigPayload;
import dev.onramp.provisioning.internal.proto.RMakerConfig.RMakerConfigStatus;
import dev.onramp.provisioning.internal.proto.RMakerConfig.RespSetUserMapping;
import dev.onramp.provisioning.internal.proto.WifiConfig.RespApplyConfig;
import dev.onramp.provisioning.internal.proto.WifiConfig.RespGetStatus;
import dev.onramp.provisioning.internal.proto.WifiConfig.RespSetConfig;
import dev.onramp.provisioning.internal.proto.WifiConfig.WiFiConfigMsgType;
import dev.onramp.provisioning.internal.proto.WifiConfig.WiFiConfigPayload;
import dev.onramp.provisioning.internal.proto.WifiConstants.WifiAttemptFailed;
import dev.onramp.provisioning.internal.proto.WifiConstants.WifiAuthMode;
import dev.onramp.provisioning.internal.proto.WifiConstants.WifiConnectedState;
import dev.onramp.provisioning.internal.proto.WifiConstants.WifiStationState;
import dev.onramp.provisioning.internal.proto.WifiCtrl.RespCtrlReset;
import dev.onramp.provisioning.internal.proto.WifiCtrl.WiFiCtrlMsgType;
import dev.onramp.provisioning.internal.proto.WifiCtrl.WiFiCtrlPayload;
import dev.onramp.provisioning.internal.proto.WifiScan.RespScanResult;
import dev.onramp.provisioning.internal.proto.WifiScan.RespScanStart;
import dev.onramp.provisioning.internal.proto.WifiScan.RespScanStatus;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanMsgType;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanPayload;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Protocomm replies: the proto-ver JSON and the scan, config, control and RainMaker messages after the handshake
 * ({@link ProtocommHandshakeFuzzTest} faults the handshakes).
 */
class ProtocommFuzzTest {

	private static final List<String> PROTO_TOKENS = List.of("\"prov\":", "\"sec_ver\":", "\"cap\":[", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"\"ver\":null", "\"sec_patch_ver\":1e400", "{\"prov\":", "\"rmaker\":{}", ":[[[[", ":{\"a\":1}", ":true"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$

	enum Operation {
		SCAN, PROVISION, RESET, ASSOCIATE
	}

	@Property(seed = Fuzz.SEED)
	void protoVersionParsesAnyAnswer(@ForAll("protoVersions") byte[] answer) {
		Decoding.check("protocomm.proto-ver", answer.length, () -> ProtoVersionParser.parse(answer)); //$NON-NLS-1$
	}

	/** The messages after the handshake, in plain text (security 0), each mutated. */
	@Property(seed = Fuzz.SEED)
	void sessionMessagesSurviveMutation(@ForAll Operation operation, @ForAll("replyEdits") List<List<Edit>> edits) {
		Deque<byte[]> replies = new ArrayDeque<>();
		List<byte[]> valid = validReplies(operation);
		int size = 0;
		for (int i = 0; i < valid.size(); i++) {
			byte[] reply = valid.get(i);
			for (Edit edit : edits.get(i % edits.size())) {
				reply = Mutations.apply(edit, reply);
			}
			replies.add(reply);
			size += reply.length;
		}
		Decoding.check("protocomm.session", size, () -> { //$NON-NLS-1$
			Deadline deadline = Deadline.in(Duration.ofMillis(5));
			int[] exchanges = { 0 };
			IProtocommTransport transport = new IProtocommTransport() {
				@Override
				public String where() {
					return "in the fuzz harness"; //$NON-NLS-1$
				}

				@Override
				public byte[] exchange(String endpoint, byte[] request) throws dev.onramp.core.OnrampException,
						DeviceClosedException {
					if (deadline.expired()) {
						throw new dev.onramp.core.OnrampException(dev.onramp.core.FailureReason.TIMEOUT,
								"The fuzz harness's deadline passed."); //$NON-NLS-1$
					}
					if (++exchanges[0] > MitmTransport.MAX_EXCHANGES) {
						throw new AssertionError("the client made more than " + MitmTransport.MAX_EXCHANGES //$NON-NLS-1$
								+ " exchanges"); //$NON-NLS-1$
					}
					// a device that has said its part repeats its last answer: polling loops must still end
					return replies.size() > 1 ? replies.poll() : replies.peek();
				}

				@Override
				public void close() {
					// nothing to release
				}
			};
			ProtocommClientSession session = new ProtocommClientSession(transport, new Security0(),
					ProtoVersionParser.unknown(), deadline);
			NullProgressMonitor monitor = new NullProgressMonitor();
			return switch (operation) {
			case SCAN -> session.scan(monitor);
			case PROVISION -> session.provision(new WifiCredentials("fuzz-net", Secret.of("fuzz-password")), monitor); //$NON-NLS-1$ //$NON-NLS-2$
			case RESET -> {
				session.resetAfterFailure(monitor);
				yield null;
			}
			case ASSOCIATE -> session.associateUser("user", Secret.of("secret"), monitor); //$NON-NLS-1$ //$NON-NLS-2$
			};
		}, DeviceClosedException.class);
	}

	@Provide
	Arbitrary<byte[]> protoVersions() {
		Arbitrary<byte[]> valid = Arbitraries.of(
				"{\"prov\":{\"ver\":\"v1.1\",\"sec_ver\":2,\"sec_patch_ver\":1,\"cap\":[\"wifi_scan\",\"no_pop\"]}}", //$NON-NLS-1$
				"{\"prov\":{\"ver\":\"v1.1\",\"sec_ver\":1,\"cap\":[\"wifi_scan\"]},\"rmaker\":{\"ver\":\"1.0\",\"cap\":[\"claim\"]}}", //$NON-NLS-1$
				"{\"prov\":{\"ver\":\"v1.0\",\"cap\":[\"no_sec\"]}}\u0000") //$NON-NLS-1$
				.map(s -> s.getBytes(StandardCharsets.UTF_8));
		return Mutations.mutated(valid, PROTO_TOKENS.stream().map(Mutations::ascii).toList());
	}

	@Provide
	Arbitrary<List<List<Edit>>> replyEdits() {
		// mostly untouched replies with a fault here and there, so the client gets deep into each exchange
		Arbitrary<List<Edit>> one = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(List.of())),
				net.jqwik.api.Tuple.of(2, Mutations.edits().list().ofMinSize(1).ofMaxSize(2)));
		return one.list().ofMinSize(1).ofMaxSize(8);
	}

	private static List<byte[]> validReplies(Operation operation) {
		return switch (operation) {
		case SCAN -> List.of(
				WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeRespScanStart).setStatus(Status.Success)
						.setRespScanStart(RespScanStart.getDefaultInstance()).build().toByteArray(),
				WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeRespScanStatus).setStatus(Status.Success)
						.setRespScanStatus(RespScanStatus.newBuilder().setScanFinished(true).setResultCount(5)).build()
						.toByteArray(),
				scanPage(4), scanPage(1));
		case PROVISION -> List.of(status(WifiStationState.Disconnected),
				WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeRespSetConfig)
						.setRespSetConfig(RespSetConfig.newBuilder().setStatus(Status.Success)).build().toByteArray(),
				WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeRespApplyConfig)
						.setRespApplyConfig(RespApplyConfig.newBuilder().setStatus(Status.Success)).build().toByteArray(),
				WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeRespGetStatus)
						.setRespGetStatus(RespGetStatus.newBuilder().setStatus(Status.Success)
								.setStaState(WifiStationState.Connecting)
								.setAttemptFailed(WifiAttemptFailed.newBuilder().setAttemptsRemaining(3)))
						.build().toByteArray(),
				WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeRespGetStatus)
						.setRespGetStatus(RespGetStatus.newBuilder().setStatus(Status.Success)
								.setStaState(WifiStationState.Connected)
								.setConnected(WifiConnectedState.newBuilder().setIp4Addr("192.168.1.20") //$NON-NLS-1$
										.setAuthMode(WifiAuthMode.WPA2_PSK).setSsid(ByteString.copyFromUtf8("fuzz-net")) //$NON-NLS-1$
										.setChannel(6)))
						.build().toByteArray());
		case RESET -> List.of(WiFiCtrlPayload.newBuilder().setMsg(WiFiCtrlMsgType.TypeRespCtrlReset)
				.setStatus(Status.Success).setRespCtrlReset(RespCtrlReset.getDefaultInstance()).build().toByteArray());
		case ASSOCIATE -> List.of(RMakerConfigPayload.newBuilder().setMsg(RMakerConfigMsgType.TypeRespSetUserMapping)
				.setRespSetUserMapping(
						RespSetUserMapping.newBuilder().setStatus(RMakerConfigStatus.Success).setNodeId("node-1")) //$NON-NLS-1$
				.build().toByteArray());
		};
	}

	private static byte[] status(WifiStationState state) {
		return WiFiConfigPayload.newBuilder().setMsg(WiFiConfigMsgType.TypeRespGetStatus)
				.setRespGetStatus(RespGetStatus.newBuilder().setStatus(Status.Success).setStaState(state)).build()
				.toByteArray();
	}

	private static byte[] scanPage(int entries) {
		RespScanResult.Builder page = RespScanResult.newBuilder();
		for (int i = 0; i < entries; i++) {
			page.addEntries(WiFiScanResult.newBuilder().setSsid(ByteString.copyFromUtf8("net-" + i)).setChannel(1 + i) //$NON-NLS-1$
					.setRssi(-40 - i).setBssid(ByteString.copyFrom(new byte[6])).setAuth(WifiAuthMode.WPA2_PSK));
		}
		return WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeRespScanResult).setStatus(Status.Success)
				.setRespScanResult(page).build().toByteArray();
	}
}
