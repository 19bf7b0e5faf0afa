/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.io.ByteArrayOutputStream;

import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** mDNS answers to Onramp's own address query: names with compression pointers (and loops), records, lengths. */
class MdnsFuzzTest {

	@Property(seed = Fuzz.SEED)
	void anyPacketGivesRecordsOrNone(@ForAll("packets") byte[] packet) {
		Decoding.check("mdns.response", packet.length, () -> { //$NON-NLS-1$
			var records = MdnsAddressQuery.parseResponse(packet, packet.length);
			return MdnsAddressQuery.addressesFor("pydirect-1a2b.local", records); //$NON-NLS-1$
		});
	}

	@Provide
	Arbitrary<byte[]> packets() {
		return Mutations.mutated(Arbitraries.of(response(false), response(true)),
				java.util.List.of(Mutations.bytes(0xc0, 0x0c), Mutations.bytes(0xc0, 0x00), Mutations.bytes(0x3f),
						Mutations.bytes(0xff, 0xff), Mutations.bytes(0x00, 0x01, 0x00, 0x01)));
	}

	/** A response with the question echoed and an A record (and an AAAA record pointing back at the name). */
	private static byte[] response(boolean withAaaa) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(Mutations.bytes(0, 0, 0x84, 0, 0, 1, 0, withAaaa ? 2 : 1, 0, 0, 0, 0));
		for (String label : new String[] { "pydirect-1a2b", "local" }) { //$NON-NLS-1$ //$NON-NLS-2$
			out.write(label.length());
			out.writeBytes(Mutations.ascii(label));
		}
		out.writeBytes(Mutations.bytes(0, 0, 1, 0, 1));
		out.writeBytes(Mutations.bytes(0xc0, 12, 0, 1, 0x80, 1, 0, 0, 0, 120, 0, 4, 192, 168, 1, 20));
		if (withAaaa) {
			out.writeBytes(Mutations.bytes(0xc0, 12, 0, 28, 0x80, 1, 0, 0, 0, 120, 0, 16));
			out.writeBytes(new byte[] { (byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 });
		}
		return out.toByteArray();
	}
}
