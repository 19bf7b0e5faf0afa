/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.onramp.fuzz.Decoding;

/** mDNS packets the fuzzer found expensive, now bounded. */
class MdnsFindingsTest {

	@Test
	void compressionLoopsDoNotMultiplyAName() {
		// was: a question name of one 63-byte label and a pointer back to it (C0 0C) reads as 64 hops of that label,
		// a 4 KB string per 2-byte name: a 16 KB packet of such questions allocated about 88 MB
		ByteArrayOutputStream packet = new ByteArrayOutputStream();
		packet.writeBytes(new byte[] { 0, 0, (byte) 0x84, 0, 0x1f, 0x40, 0, 0, 0, 0, 0, 0 }); // 8000 questions
		packet.write(63);
		packet.writeBytes("a".repeat(63).getBytes(java.nio.charset.StandardCharsets.US_ASCII)); //$NON-NLS-1$
		packet.writeBytes(new byte[] { (byte) 0xc0, 12, 0, 1, 0, 1 });
		for (int i = 0; i < 8000; i++) {
			packet.writeBytes(new byte[] { (byte) 0xc0, 12, 0, 1, 0, 1 });
		}
		byte[] data = packet.toByteArray();
		Decoding.Outcome outcome = Decoding.check("mdns.response", data.length, //$NON-NLS-1$
				() -> MdnsAddressQuery.parseResponse(data, data.length));
		assertEquals(List.of(), outcome.value());
		assertTrue(outcome.allocatedBytes() < 64L * data.length, outcome.allocatedBytes() + " bytes allocated"); //$NON-NLS-1$
	}

	@Test
	void aNormalAnswerIsStillRead() {
		byte[] answer = { 0, 0, (byte) 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, 4, 'n', 'o', 'd', 'e', 5, 'l', 'o', 'c', 'a', 'l', 0,
				0, 1, (byte) 0x80, 1, 0, 0, 0, 120, 0, 4, (byte) 192, (byte) 168, 1, 20 };
		List<MdnsAddressQuery.Record> records = MdnsAddressQuery.parseResponse(answer, answer.length);
		assertEquals(1, records.size());
		assertEquals("node.local.", records.get(0).name()); //$NON-NLS-1$
		assertEquals(1, MdnsAddressQuery.addressesFor("node.local", records).size()); //$NON-NLS-1$
	}
}
