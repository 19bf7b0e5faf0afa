/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.onramp.core.UsbBridge;
import dev.onramp.core.UsbIdentity;

class UsbIdentityTest {

	@ParameterizedTest
	@CsvSource({ "0x303A,0x1001,ESPRESSIF_NATIVE_USB", "0x303A,0x4001,ESPRESSIF_NATIVE_USB", "0x10C4,0xEA60,CP210X",
			"0x1A86,0x7523,CH340", "0x1A86,0x55D4,CH9102", "0x0403,0x6001,FTDI", "0x0403,0x6015,FTDI" })
	void knownBridgesAreRecognised(String vid, String pid, UsbBridge expected) {
		UsbIdentity usb = new UsbIdentity(Integer.decode(vid).intValue(), Integer.decode(pid).intValue(), "", "", "");
		assertEquals(Optional.of(expected), usb.bridge());
	}

	@Test
	void unknownDevicesHaveNoBridge() {
		assertEquals(Optional.empty(), new UsbIdentity(0x1A86, 0x0001, null, null, null).bridge());
		assertEquals(Optional.empty(), new UsbIdentity(0x2341, 0x0043, null, null, null).bridge());
	}

	@Test
	void vidPidIsPrintedAsLsusbDoes() {
		assertEquals("303A:1001", new UsbIdentity(0x303A, 0x1001, "", "", "").vidPid());
		assertEquals("0403:6001", new UsbIdentity(0x0403, 0x6001, "", "", "").vidPid());
	}

	@Test
	void missingStringsBecomeEmptyAndAreTrimmed() {
		UsbIdentity usb = new UsbIdentity(1, 2, null, " Espressif ", null);
		assertEquals("", usb.serialNumber());
		assertEquals("Espressif", usb.manufacturer());
	}

	@Test
	void idsMustBeSixteenBit() {
		assertThrows(IllegalArgumentException.class, () -> new UsbIdentity(0x10000, 1, "", "", ""));
		assertThrows(IllegalArgumentException.class, () -> new UsbIdentity(1, -1, "", "", ""));
	}

	@Test
	void brlttyConflictIsKnownForTheBridgesItClaims() {
		assertTrue(UsbBridge.CH340.claimedByBrltty());
		assertTrue(UsbBridge.CP210X.claimedByBrltty());
		assertFalse(UsbBridge.ESPRESSIF_NATIVE_USB.claimedByBrltty());
	}
}
