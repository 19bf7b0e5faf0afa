/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.onramp.core.MacAddress;

class MacAddressTest {

	@ParameterizedTest
	@ValueSource(strings = { "a1:b2:c3:d4:e5:f6", "A1-B2-C3-D4-E5-F6", "a1b2c3d4e5f6", " A1:B2:C3:D4:E5:F6 " })
	void parsesTheCommonForms(String text) {
		MacAddress mac = MacAddress.parse(text);
		assertEquals("a1:b2:c3:d4:e5:f6", mac.toString());
		assertArrayEquals(new byte[] { (byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4, (byte) 0xe5, (byte) 0xf6 },
				mac.octets());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a1:b2:c3:d4:e5", "a1:b2:c3:d4:e5:f6:07", "g1:b2:c3:d4:e5:f6", "a1:b2-c3:d4:e5:f6x" })
	void rejectsWhatIsNotAMacAddress(String text) {
		assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
	}

	@Test
	void pyDirectHostnameUsesTheLastTwoOctetsInLowerCase() {
		assertEquals("pydirect-e5f6", MacAddress.parse("A1:B2:C3:D4:E5:F6").pyDirectHostname());
		assertEquals("pydirect-0a0b", MacAddress.parse("00:00:00:00:0A:0B").pyDirectHostname());
	}

	@Test
	void valueSemanticsAndDefensiveCopies() {
		byte[] octets = { 1, 2, 3, 4, 5, 6 };
		MacAddress mac = MacAddress.of(octets);
		octets[0] = 9;
		assertEquals(MacAddress.parse("01:02:03:04:05:06"), mac);
		assertEquals(MacAddress.parse("01:02:03:04:05:06").hashCode(), mac.hashCode());
		mac.octets()[1] = 9;
		assertEquals("01:02:03:04:05:06", mac.toString());
		assertNotEquals(MacAddress.parse("01:02:03:04:05:07"), mac);
		assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[5]));
	}
}
