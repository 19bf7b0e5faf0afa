/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.DeviceKind;
import dev.onramp.core.MacAddress;
import dev.onramp.core.identify.EspIdfConsoleInfo;
import dev.onramp.core.identify.ImprovDeviceInfo;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.repl.DeviceIdentity;

class PortIdentityTest {

	private static final MacAddress MAC = MacAddress.parse("24:0a:c4:12:ab:cd");

	@Test
	void micropythonBoardsNameTheirChipAtTheEndOfTheMachine() {
		PortIdentity identity = PortIdentity.micropython("/dev/ttyACM0", new DeviceIdentity("micropython", "1.24.1",
				"Generic ESP32S3 module with ESP32S3", Optional.of(MAC), true, Optional.of("pydirect-abcd")));
		assertEquals(DeviceKind.PYDIRECT, identity.kind());
		assertEquals("pydirect", identity.kindKey());
		assertEquals(Optional.of("ESP32-S3"), identity.chip(), "in Espressif's spelling");
		assertEquals(Optional.of(MAC), identity.mac());
		assertEquals(Optional.of("pydirect-abcd"), identity.hostname());
		assertEquals(Optional.empty(), PortIdentity.micropython("p", new DeviceIdentity("micropython", "1.24.1",
				"Raspberry Pi Pico with RP2040", Optional.empty(), false, Optional.empty())).chip());
	}

	@Test
	void improvDeviceInfoFieldsFollowTheSpecificationsOrder() {
		ImprovDeviceInfo info = new ImprovDeviceInfo(List.of("ESPHome", "2025.2.0", "ESP32-C3", "kitchen", "", "5.3"),
				Optional.of("authorized"), Optional.empty());
		assertEquals(Optional.of("ESPHome"), info.firmware());
		assertEquals(Optional.of("2025.2.0"), info.version());
		assertEquals(Optional.of("kitchen"), info.deviceName());
		assertEquals(Optional.empty(), info.osName(), "blank is unknown");
		assertEquals(Optional.of("5.3"), info.osVersion());
		PortIdentity identity = PortIdentity.improv("COM3", info, Optional.empty());
		assertEquals("improv", identity.kindKey());
		assertEquals(Optional.of("ESP32-C3"), identity.chip());
		assertEquals(Optional.empty(), new ImprovDeviceInfo(List.of(), Optional.empty(), Optional.empty()).chip(),
				"a device that answered device info with an Improv error");
	}

	@Test
	void consoleIdentityKeepsTheChipAsVersionPrintsIt() {
		EspIdfConsoleInfo info = new EspIdfConsoleInfo("esp32c6>", List.of("help", "version"), Optional.of("v5.5"),
				Optional.of("ESP32-C6"), Optional.of(1), Optional.of(1), Optional.of("802.11bgn/BLE"),
				Optional.empty(), Optional.empty());
		PortIdentity identity = PortIdentity.console("socket://127.0.0.1:4000", info, Optional.empty());
		assertEquals(DeviceKind.ESP_IDF_CONSOLE, identity.kind());
		assertEquals("esp-idf-console", identity.kindKey());
		assertEquals(Optional.of("ESP32-C6"), identity.chip());
		assertEquals(Optional.empty(), identity.hostname());
	}

	@Test
	void anIdentityDescribesExactlyOneKindOfDevice() {
		assertThrows(IllegalArgumentException.class,
				() -> new PortIdentity("p", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
				"none");
		ImprovDeviceInfo improv = new ImprovDeviceInfo(List.of(), Optional.empty(), Optional.empty());
		EspIdfConsoleInfo console = new EspIdfConsoleInfo("esp32>", List.of(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
		assertThrows(IllegalArgumentException.class, () -> new PortIdentity("p", Optional.empty(), Optional.of(improv),
				Optional.of(console), Optional.empty()), "two");
	}
}
