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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
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
import dev.onramp.provisioning.internal.proto.WifiScan.RespScanResult;
import dev.onramp.provisioning.internal.proto.WifiScan.RespScanStart;
import dev.onramp.provisioning.internal.proto.WifiScan.RespScanStatus;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanMsgType;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanPayload;
import dev.onramp.provisioning.internal.proto.WifiScan.WiFiScanResult;

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
	/** A device that has answered these replies, in order, and then repeats its last one; counts the exchanges. */
	private static IProtocommTransport scripted(List<byte[]> answers, int[] exchanges) {
		Deque<byte[]> replies = new ArrayDeque<>(answers);
		return new IProtocommTransport() {
			@Override
			public String where() {
				return "at 192.168.4.1:80"; //$NON-NLS-1$
			}

			@Override
			public byte[] exchange(String endpoint, byte[] request) {
				exchanges[0]++;
				return replies.size() > 1 ? replies.poll() : replies.peek();
			}

			@Override
			public void close() {
				// nothing to release
			}
		};
	}

	private static byte[] scanStatus(int resultCount) {
		return WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeRespScanStatus).setStatus(Status.Success)
				.setRespScanStatus(RespScanStatus.newBuilder().setScanFinished(true).setResultCount(resultCount)).build()
				.toByteArray();
	}

	private static byte[] scanPage(int entries) {
		RespScanResult.Builder page = RespScanResult.newBuilder();
		for (int i = 0; i < entries; i++) {
			page.addEntries(WiFiScanResult.newBuilder().setSsid(ByteString.copyFromUtf8("net-" + i)).setRssi(-40 - i)); //$NON-NLS-1$
		}
		return WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeRespScanResult).setStatus(Status.Success)
				.setRespScanResult(page).build().toByteArray();
	}

	private static final byte[] SCAN_STARTED = WiFiScanPayload.newBuilder().setMsg(WiFiScanMsgType.TypeRespScanStart)
			.setStatus(Status.Success).setRespScanStart(RespScanStart.getDefaultInstance()).build().toByteArray();

	private static List<?> scan(List<byte[]> replies, int[] exchanges) throws Exception {
		return new ProtocommClientSession(scripted(replies, exchanges), new Security0(), ProtoVersionParser.unknown(),
				Deadline.in(Duration.ofSeconds(30))).scan(new NullProgressMonitor());
	}

	/**
	 * Was: the scan asked for result_count entries, four a page, whatever the count: a device that said 2^32 - 1 was
	 * asked a page at a time until the deadline (here 30 s, a billion exchanges). ESP-IDF keeps at most 255
	 * (CONFIG_WIFI_PROV_SCAN_MAX_ENTRIES, range 1 to 255 in components/wifi_provisioning/Kconfig).
	 */
	@Test
	void aScanCountBeyondWhatEspIdfKeepsIsAProtocolErrorNotAnEndlessPaging() throws Exception {
		for (int count : new int[] { -1, 256, Integer.MAX_VALUE }) {
			int[] exchanges = { 0 };
			OnrampException e = assertThrows(OnrampException.class,
					() -> scan(List.of(SCAN_STARTED, scanStatus(count), scanPage(4)), exchanges));
			assertEquals(FailureReason.PROTOCOL_ERROR, e.reason(), e.getMessage());
			assertEquals(2, exchanges[0], "no page is asked for");
			assertTrue(e.getMessage().contains(Long.toString(Integer.toUnsignedLong(count))), e.getMessage());
		}
		List<byte[]> most = new java.util.ArrayList<>(List.of(SCAN_STARTED, scanStatus(255)));
		for (int page = 0; page < 63; page++) {
			most.add(scanPage(4));
		}
		most.add(scanPage(3));
		int[] exchanges = { 0 };
		assertEquals(255, scan(most, exchanges).size());
		assertEquals(2 + 64, exchanges[0], "255 results, 64 pages");
	}

	/** A page with more entries than were asked for is not the device's list. */
	@Test
	void aPageWithMoreNetworksThanAskedForIsAProtocolError() {
		OnrampException e = assertThrows(OnrampException.class,
				() -> scan(List.of(SCAN_STARTED, scanStatus(2), scanPage(5)), new int[1]));
		assertEquals(FailureReason.PROTOCOL_ERROR, e.reason(), e.getMessage());
		assertTrue(e.getMessage().contains("5 Wi-Fi networks when 2 were asked for"), e.getMessage()); //$NON-NLS-1$
	}
}
