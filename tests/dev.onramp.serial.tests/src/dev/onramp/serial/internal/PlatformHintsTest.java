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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.UsbIdentity;
import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * What each platform's users are told when no board is listed, a port is closed to them or does not open: the Linux
 * group, and on Windows and macOS the driver of a CP210x or CH34x chip, known by its USB vendor id.
 */
class PlatformHintsTest {

	private static final Optional<UsbIdentity> CP2102N = Optional.of(new UsbIdentity(0x10C4, 0xEA60, "0001", "", ""));
	private static final Optional<UsbIdentity> CH9102 = Optional.of(new UsbIdentity(0x1A86, 0x55D4, "", "", ""));
	private static final Optional<UsbIdentity> CH343 = Optional.of(new UsbIdentity(0x1A86, 0x55D3, "", "", ""));
	private static final Optional<UsbIdentity> NATIVE_USB = Optional.of(new UsbIdentity(0x303A, 0x1001, "", "", ""));
	private static final int ERROR_GEN_FAILURE = 31;
	private static final int EIO = 5;

	@Test
	void windowsAndMacOsNameTheSiliconLabsDriverForACp210x() {
		assertEquals("The board's USB-serial chip is a Silicon Labs CP210x (10C4:EA60): on Windows it needs the Silicon"
				+ " Labs CP210x USB to UART Bridge VCP driver; install or update it, then unplug and replug the board.",
				UsbSerialDrivers.hint(Platform.WINDOWS, CP2102N).orElseThrow());
		assertTrue(UsbSerialDrivers.hint(Platform.MAC, CP2102N).orElseThrow().contains("on macOS it needs the Silicon"));
	}

	@Test
	void everyWchChipIsKnownByItsVendorIdEvenOneOnrampHasNoNameFor() {
		assertTrue(UsbSerialDrivers.hint(Platform.MAC, CH9102).orElseThrow().contains("WCH CH34x (1A86:55D4)"));
		assertTrue(UsbSerialDrivers.hint(Platform.WINDOWS, CH343).orElseThrow().contains("WCH CH34x driver"));
	}

	@ParameterizedTest
	@EnumSource(Platform.class)
	void nativeUsbNeedsNoDriverAnywhere(Platform platform) {
		assertEquals(Optional.empty(), UsbSerialDrivers.hint(platform, NATIVE_USB));
		assertEquals(Optional.empty(), UsbSerialDrivers.hint(platform, Optional.empty()));
	}

	@Test
	void linuxHasTheDriversBuiltIn() {
		assertEquals(Optional.empty(), UsbSerialDrivers.hint(Platform.LINUX, CP2102N));
		assertEquals(Optional.empty(), UsbSerialDrivers.hint(Platform.LINUX, CH9102));
	}

	@Test
	void noPortOnWindowsPointsToDeviceManagerAndBothDrivers() {
		List<String> advice = PortAdvice.advise(Platform.WINDOWS, List.of());
		assertEquals(3, advice.size(), advice.toString());
		assertTrue(advice.get(0).startsWith("No serial ports found. Connect a board with a data-capable USB cable"));
		assertTrue(advice.get(1).contains("Device Manager under Other devices"), advice.get(1));
		assertTrue(advice.get(2).contains("10C4:EA60") && advice.get(2).contains("1A86:7523")
				&& advice.get(2).contains("Espressif native USB (303A) need none"), advice.get(2));
	}

	@Test
	void noPortOnMacOsNamesTheCalloutDevicesAndBothDrivers() {
		List<String> advice = PortAdvice.advise(Platform.MAC, List.of());
		assertTrue(advice.get(1).contains("/dev/cu.usbserial-") && advice.get(1).contains("System Information"));
		assertEquals(UsbSerialDrivers.BOTH, advice.get(2));
	}

	@Test
	void noPortOnLinuxNeedsNoDriverButTheKernelLog() {
		List<String> advice = PortAdvice.advise(Platform.LINUX, List.of());
		assertEquals(2, advice.size());
		assertTrue(advice.get(1).contains("sudo dmesg --follow"), advice.get(1));
		assertFalse(String.join(" ", advice).contains("VCP"), "no driver to install on Linux");
	}

	@Test
	void aClosedPortOnLinuxNamesTheGroupAndAnOpenOneSaysNothing() {
		SerialPortInfo closed = new SerialPortInfo("/dev/ttyUSB0", "", "", CP2102N, PortAccess.PERMISSION_DENIED);
		SerialPortInfo open = new SerialPortInfo("/dev/ttyACM0", "", "", NATIVE_USB, PortAccess.AVAILABLE);
		assertEquals(List.of("Some ports are not accessible: add yourself to the port's group (usually dialout, uucp"
				+ " on Arch and Fedora): sudo usermod -aG dialout $USER, then log out and in again."),
				PortAdvice.advise(Platform.LINUX, List.of(closed, open)));
		assertEquals(List.of(), PortAdvice.advise(Platform.LINUX, List.of(open)));
		assertEquals(List.of(), PortAdvice.advise(Platform.WINDOWS,
				List.of(new SerialPortInfo("COM3", "", "", CP2102N, PortAccess.UNKNOWN))));
	}

	@Test
	void aCh34xThatFailsToOpenOnWindowsGetsItsDriverHint() {
		OnrampException failure = PortOpenFailureDiagnosis.diagnose(new PortOpenFailure("COM4", "COM4",
				Platform.WINDOWS, ERROR_GEN_FAILURE, Optional.empty(), CH9102, List.of()));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, failure.reason());
		assertEquals("Could not open COM4 (system error 31).", failure.getMessage());
		assertTrue(failure.hint().orElseThrow().endsWith("on Windows it needs the WCH CH34x driver (CH340, CH343,"
				+ " CH9102); install or update it, then unplug and replug the board."), failure.hint().orElseThrow());
	}

	@Test
	void aNativeUsbBoardThatFailsToOpenOnMacOsGetsNoDriverHint() {
		OnrampException failure = PortOpenFailureDiagnosis.diagnose(new PortOpenFailure("/dev/cu.usbmodem14101",
				"/dev/cu.usbmodem14101", Platform.MAC, EIO, Optional.empty(), NATIVE_USB, List.of()));
		assertFalse(failure.hint().orElseThrow().contains("driver"), failure.hint().orElseThrow());
	}

	@Test
	void aDeniedCp210xOnMacOsNamesTheDriver() {
		OnrampException failure = PortOpenFailureDiagnosis.diagnose(new PortOpenFailure("/dev/cu.SLAB_USBtoUART",
				"/dev/cu.SLAB_USBtoUART", Platform.MAC, 13, Optional.empty(), CP2102N, List.of()));
		assertEquals(FailureReason.PERMISSION_DENIED, failure.reason());
		assertTrue(failure.hint().orElseThrow().contains("Silicon Labs CP210x USB to UART Bridge VCP driver"));
		assertFalse(failure.hint().orElseThrow().contains("dialout"), "no Linux group on macOS");
	}

	@Test
	void aMissingPortIsExplainedInEachPlatformsNames() {
		assertTrue(PortOpenFailureDiagnosis.notFound(Platform.WINDOWS, "COM9").hint().orElseThrow()
				.contains("Windows names serial ports COM1, COM2"));
		assertTrue(PortOpenFailureDiagnosis.notFound(Platform.MAC, "/dev/cu.usbserial-9").hint().orElseThrow()
				.contains("macOS names them /dev/cu.usbserial-"));
		String linux = PortOpenFailureDiagnosis.notFound(Platform.LINUX, "/dev/ttyUSB9").hint().orElseThrow();
		assertFalse(linux.contains("COM1") || linux.contains("/dev/cu."), linux);
	}

	/** The service of a Windows computer: a COM port typed in the device-namespace form is opened as COMn. */
	@Test
	void aWindowsServiceOpensTheDeviceNamespaceFormAsComN() throws Exception {
		SerialPortService service = new SerialPortService(
				new PortScanner(Platform.WINDOWS, Path.of("/nonexistent"), List.of(), List::of), Duration.ofSeconds(1));
		OnrampException failure = assertThrows(OnrampException.class, () -> service.open("\\\\.\\COM250", 115200));
		assertEquals(FailureReason.PORT_NOT_FOUND, failure.reason(), failure.getMessage());
		assertTrue(failure.hint().orElseThrow().contains("Windows names serial ports"), failure.hint().orElseThrow());
		assertTrue(service.advice(List.of()).get(1).contains("Device Manager"));
	}
}
