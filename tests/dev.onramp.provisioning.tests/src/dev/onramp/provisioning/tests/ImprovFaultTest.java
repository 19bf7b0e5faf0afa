/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.provisioning.internal.Deadline;
import dev.onramp.provisioning.internal.improv.ImprovClient;
import dev.onramp.provisioning.internal.improv.ImprovFrame;
import dev.onramp.provisioning.internal.improv.ImprovFrameReader;
import dev.onramp.provisioning.internal.improv.ImprovProvisioner;
import dev.onramp.simulator.improv.FaultyImprovLine;
import dev.onramp.simulator.improv.FaultyImprovLine.Fault;
import dev.onramp.simulator.improv.SimulatedImprovDevice;

/**
 * Damaged Improv lines. The spec gives a receiver no way to ask for a frame again, so the client drops a frame with
 * a bad checksum, counts it, and keeps waiting for a good one until the phase's timeout; that timeout then names the
 * checksums as the likely cause.
 */
class ImprovFaultTest {

	private static final Duration ANSWER = Duration.ofMillis(800);
	private static final Duration CONNECT = Duration.ofMillis(1500);

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
	}

	private SimulatedImprovDevice device;

	private ImprovClient client(Fault fault, int frame) {
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyUSB0", "device");
		device = new SimulatedImprovDevice(pipe.b(), Map.of(Devices.HOME, Devices.HOME_PASSWORD),
				List.of("Neighbour-1"), false);
		open.add(device);
		FaultyImprovLine line = new FaultyImprovLine(pipe.a(), fault, frame);
		open.add(0, line);
		return new ImprovClient(line.host(), ANSWER, CONNECT);
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Test
	void oneCorruptedFrameIsDroppedAndTheNextGoodOneRead() throws Exception {
		ImprovClient client = client(Fault.CORRUPT_CHECKSUM, 1);
		// the state answer is lost: the request times out with the checksum hint, and the line stays usable
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, client::requestState);
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertTrue(e.hint().orElseThrow().contains("checksum"), e.hint().orElseThrow());
		assertTrue(millisSince(start) < ANSWER.toMillis() + 1000, "took " + millisSince(start) + " ms");
		assertEquals(0x02, client.requestState(), "the serial specification's Ready (Authorized)");
	}

	@Test
	void corruptedFrameInsideAnAnswerIsSkipped() throws Exception {
		// frames of the send-Wi-Fi answer: 1 state provisioning, 2 state provisioned, 3 the URL
		ImprovClient client = client(Fault.CORRUPT_CHECKSUM, 2);
		ImprovClient.Provisioned provisioned = client.sendWifi(
				new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor());
		assertEquals("http://192.168.1.61", provisioned.url().orElseThrow());
	}

	@Test
	void deviceSilentMidAnswerTimesOutWithinThePhaseBound() {
		// the device reports "provisioning" and then nothing more, as a board that crashed while joining
		ImprovClient client = client(Fault.SILENT_FROM, 2);
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, () -> client.sendWifi(
				new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor()));
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertEquals(7, e.reason().exitCode());
		assertTrue(e.getMessage().contains("Wi-Fi connection"), e.getMessage());
		assertTrue(millisSince(start) < CONNECT.toMillis() + 1000, "took " + millisSince(start) + " ms");
	}

	@Test
	void deviceSilentBeforeAnsweringTimesOutWithoutAChecksumHint() {
		ImprovClient client = client(Fault.SILENT_FROM, 1);
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, client::deviceInfo);
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertTrue(e.hint().orElseThrow().contains("Improv-capable firmware"), e.hint().orElseThrow());
		assertTrue(millisSince(start) < ANSWER.toMillis() + 1000, "took " + millisSince(start) + " ms");
	}

	@Test
	void cutOffFrameInTheLogNoiseDoesNotHideTheNextFrame() throws Exception {
		// a header whose length byte promises 200 bytes, log lines, then the real answer: no wait for the 200 bytes
		ImprovClient client = client(Fault.PARTIAL_FRAME_BEFORE, 1);
		long start = System.nanoTime();
		assertEquals(0x02, client.requestState(), "the serial specification's Ready (Authorized)");
		assertTrue(millisSince(start) < ANSWER.toMillis(), "took " + millisSince(start) + " ms");
		ImprovProvisioner.provision(client, new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)),
				new NullProgressMonitor());
		// the result's SSID is the one given; what counts is what reached the device
		assertEquals(Devices.HOME, device.receivedSsid());
	}

	@Test
	void readerResynchronisesAfterPartialFramesAndNoise() throws Exception {
		ByteChannelPipe pipe = new ByteChannelPipe("host", "device");
		byte[] good = new ImprovFrame(ImprovFrame.TYPE_CURRENT_STATE, new byte[] { 0x04 }).encode();
		byte[] corrupt = new ImprovFrame(ImprovFrame.TYPE_CURRENT_STATE, new byte[] { 0x03 }).encode();
		corrupt[corrupt.length - 2] ^= 0x55;
		pipe.b().write("IMPROV".getBytes(StandardCharsets.US_ASCII));
		pipe.b().write(new byte[] { 0x01, 0x04, (byte) 0xf0, 0x01, 0x00 }); // an RPC result cut short
		pipe.b().write("\r\nI (880) wifi: sta start\r\nIMPR\r\nIMPROV\u0002\r\n".getBytes(StandardCharsets.US_ASCII));
		pipe.b().write(corrupt);
		pipe.b().write("W (900) improv: noise IMPROV".getBytes(StandardCharsets.US_ASCII));
		pipe.b().write(good);
		ImprovFrameReader reader = new ImprovFrameReader(pipe.a());
		ImprovFrame frame = reader.next(Deadline.in(Duration.ofSeconds(2)));
		assertEquals(0x01, frame.type(), "the serial specification's Current state packet");
		assertEquals(0x04, frame.data()[0]);
	}
}
