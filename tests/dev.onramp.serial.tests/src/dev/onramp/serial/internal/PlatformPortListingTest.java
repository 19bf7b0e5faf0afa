/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.UsbBridge;
import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * The port list as each platform's enumeration gives it (what jSerialComm reports there), named the way Onramp shows
 * and opens ports on that platform: tested here without that operating system.
 */
class PlatformPortListingTest {

	private static final Path NO_BY_ID = Path.of("/nonexistent/serial/by-id");

	private static List<SerialPortInfo> scan(Platform platform, Path byId, SystemPort... ports) {
		return new PortScanner(platform, byId, List.of(), () -> List.of(ports)).scan();
	}

	@Test
	void windowsListsComPortsByTheirShortNameWithTheirChip() {
		List<SerialPortInfo> ports = scan(Platform.WINDOWS, NO_BY_ID,
				new SystemPort("\\\\.\\COM10", "COM10", "Silicon Labs CP210x USB to UART Bridge", 0x10C4, 0xEA60,
						"0001", "Silicon Labs", "CP2102N USB to UART Bridge Controller"),
				new SystemPort("\\\\.\\COM3", "COM3", "USB-SERIAL CH340", 0x1A86, 0x7523, "", "wch.cn", "USB-SERIAL CH340"),
				new SystemPort("\\\\.\\COM1", "COM1", "Communications Port", -1, -1, "", "", ""));
		assertEquals(List.of("COM1", "COM10", "COM3"), ports.stream().map(SerialPortInfo::systemPath).toList());
		assertEquals(Optional.empty(), ports.get(0).usb(), "a motherboard port is not USB");
		assertEquals(Optional.of(UsbBridge.CP210X), ports.get(1).usb().flatMap(u -> u.bridge()));
		assertEquals(Optional.of(UsbBridge.CH340), ports.get(2).usb().flatMap(u -> u.bridge()));
		for (SerialPortInfo port : ports) {
			assertEquals("", port.stablePath(), "Windows has no by-id links");
			assertEquals(PortAccess.UNKNOWN, port.access(), "a COM port has no file: its driver decides at open");
		}
	}

	@Test
	void macOsListsEachDeviceOnceByItsCalloutDevice() {
		List<SerialPortInfo> ports = scan(Platform.MAC, NO_BY_ID,
				new SystemPort("/dev/tty.usbserial-0001", "tty.usbserial-0001", "CP2102N", 0x10C4, 0xEA60, "0001",
						"Silicon Labs", "CP2102N"),
				new SystemPort("/dev/cu.usbserial-0001", "cu.usbserial-0001", "CP2102N", 0x10C4, 0xEA60, "0001",
						"Silicon Labs", "CP2102N"),
				new SystemPort("/dev/tty.usbmodem14101", "tty.usbmodem14101", "USB JTAG/serial debug unit", 0x303A,
						0x1001, "F4:12:FA:00:00:01", "Espressif", "USB JTAG/serial debug unit"),
				new SystemPort("/dev/tty.Bluetooth-Incoming-Port", "tty.Bluetooth-Incoming-Port",
						"Bluetooth-Incoming-Port", -1, -1, "", "", ""));
		assertEquals(List.of("/dev/cu.Bluetooth-Incoming-Port", "/dev/cu.usbmodem14101", "/dev/cu.usbserial-0001"),
				ports.stream().map(SerialPortInfo::systemPath).toList());
		assertEquals(Optional.of(UsbBridge.ESPRESSIF_NATIVE_USB), ports.get(1).usb().flatMap(u -> u.bridge()));
	}

	@Test
	void linuxNamesThePortByItsDeviceWithTheByIdLinkThatSurvivesRenumbering(@TempDir Path directory)
			throws Exception {
		Path device = Files.createFile(directory.resolve("ttyUSB0"));
		Path byId = Files.createDirectories(directory.resolve("by-id"));
		Path link = Files.createSymbolicLink(byId.resolve("usb-Silicon_Labs_CP2102N_0001-if00-port0"), device);
		List<SerialPortInfo> ports = scan(Platform.LINUX, byId, new SystemPort(device.toString(), "ttyUSB0",
				"CP2102N USB to UART Bridge Controller", 0x10C4, 0xEA60, "0001", "Silicon Labs", "CP2102N"));
		assertEquals(1, ports.size());
		assertEquals(device.toString(), ports.get(0).systemPath());
		assertEquals(link.toString(), ports.get(0).stablePath());
		assertEquals(link.toString(), ports.get(0).preferredPath());
		assertEquals(PortAccess.AVAILABLE, ports.get(0).access());
	}

	@Test
	void anEnumerationWithNothingListsNothing() {
		assertTrue(scan(Platform.WINDOWS, NO_BY_ID).isEmpty());
	}
}
