/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each platform's port names, and the os.name values (as Temurin reports them) that tell the platforms apart. */
class PlatformPortNamesTest {

	@ParameterizedTest
	@CsvSource({ "Linux, LINUX", "Mac OS X, MAC", "Darwin, MAC", "Windows 11, WINDOWS", "Windows Server 2022, WINDOWS",
			"FreeBSD, OTHER" })
	void osNameTellsThePlatform(String osName, Platform platform) {
		assertEquals(platform, Platform.of(osName));
	}

	@Test
	void currentFollowsTheOsNameProperty() {
		String osName = System.getProperty("os.name");
		try {
			System.setProperty("os.name", "Windows 11");
			assertEquals(Platform.WINDOWS, Platform.current());
			System.setProperty("os.name", "Mac OS X");
			assertEquals(Platform.MAC, Platform.current());
		} finally {
			System.setProperty("os.name", osName);
		}
	}

	@ParameterizedTest
	@CsvSource({ "COM3, COM3", "com3, COM3", "\\\\.\\COM10, COM10", "\\\\.\\com10, COM10", "' COM7 ', COM7",
			"COM007, COM7" })
	void windowsComPortsInEveryFormUsersTypeBecomeComN(String typed, String canonical) {
		assertTrue(PortNames.isWindowsComPort(typed), typed);
		assertEquals(canonical, PortNames.canonical(Platform.WINDOWS, typed));
	}

	@Test
	void notEveryNameIsAComPort() {
		assertFalse(PortNames.isWindowsComPort("/dev/ttyUSB0"));
		assertFalse(PortNames.isWindowsComPort("COMX"));
		assertFalse(PortNames.isWindowsComPort("socket://127.0.0.1:4000"));
		assertEquals("com3", PortNames.canonical(Platform.LINUX, "com3"), "only Windows upper-cases COM ports");
	}

	@Test
	void macOsDialsOutThroughTheCalloutDevice() {
		assertEquals("/dev/cu.usbserial-0001", PortNames.canonical(Platform.MAC, "/dev/tty.usbserial-0001"));
		assertEquals("/dev/cu.usbmodem14101", PortNames.canonical(Platform.MAC, "/dev/cu.usbmodem14101"));
		assertEquals("/dev/tty.usbserial-0001", PortNames.canonical(Platform.LINUX, "/dev/tty.usbserial-0001"),
				"the tty/cu pair is macOS's");
	}
}
