/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.onramp.discovery.internal.MdnsAddressQuery;
import dev.onramp.discovery.internal.MdnsAddressQuery.Record;

/** Decoding mDNS responses: compressed names, every section, and damaged packets. */
class MdnsAddressQueryTest {

	/** A response with a compressed answer name (pointer to the first name), as responders send them. */
	private static byte[] response() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { 0, 0, (byte) 0x84, 0, 0, 0, 0, 2, 0, 0, 0, 0 }); // response, 2 answers
		int nameOffset = out.size();
		for (String label : new String[] { "pydirect-e5f6", "local" }) { //$NON-NLS-1$ //$NON-NLS-2$
			out.write(label.length());
			out.writeBytes(label.getBytes());
		}
		out.write(0);
		out.writeBytes(new byte[] { 0, 1, (byte) 0x80, 1, 0, 0, 0, 120, 0, 4, (byte) 192, (byte) 168, 1, 50 });
		out.writeBytes(new byte[] { (byte) 0xC0, (byte) nameOffset }); // the same name, compressed
		out.writeBytes(new byte[] { 0, 28, (byte) 0x80, 1, 0, 0, 0, 120, 0, 16 });
		out.writeBytes(new byte[] { (byte) 0xFE, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 });
		return out.toByteArray();
	}

	@Test
	void decodesAddressRecordsWithCompressedNames() {
		byte[] packet = response();
		List<Record> records = MdnsAddressQuery.parseResponse(packet, packet.length);
		assertEquals(2, records.size());
		assertEquals("pydirect-e5f6.local.", records.get(0).name()); //$NON-NLS-1$
		assertEquals("pydirect-e5f6.local.", records.get(1).name()); //$NON-NLS-1$
		assertEquals(1, records.get(0).type());
		assertEquals(28, records.get(1).type());
		assertEquals(120, records.get(0).ttl());
	}

	@Test
	void aTruncatedOrLoopingPacketYieldsWhatWasReadAndNeverThrows() {
		byte[] packet = response();
		assertEquals(1, MdnsAddressQuery.parseResponse(packet, packet.length - 5).size());
		byte[] loop = { 0, 0, (byte) 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, (byte) 0xC0, 12 };
		assertTrue(MdnsAddressQuery.parseResponse(loop, loop.length).isEmpty());
		byte[] query = { 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
		assertTrue(MdnsAddressQuery.parseResponse(query, query.length).isEmpty());
	}
}
