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

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.UsbIdentity;

/** The texts users read when a port does not open: each must say what to do. */
class PortOpenFailureDiagnosisTest {

	private static final int EACCES = 13;
	private static final String BY_ID = "/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0";
	private static final Optional<UsbIdentity> CH340 = Optional.of(new UsbIdentity(0x1A86, 0x7523, "", "", ""));
	private static final Optional<UsbIdentity> ESPRESSIF = Optional.of(new UsbIdentity(0x303A, 0x1001, "", "", ""));

	private static OnrampException diagnose(Platform platform, int errorCode, Optional<DeviceNodeOwnership> ownership,
			Optional<UsbIdentity> usb, List<PortHolder> holders) {
		return PortOpenFailureDiagnosis
				.diagnose(new PortOpenFailure(BY_ID, "/dev/ttyUSB0", platform, errorCode, ownership, usb, holders));
	}

	@Test
	void permissionDeniedNamesTheGroupAndTheCommandToJoinIt() {
		OnrampException failure = diagnose(Platform.LINUX, EACCES,
				Optional.of(new DeviceNodeOwnership("dialout", false, false)), ESPRESSIF, List.of());
		assertEquals(FailureReason.PERMISSION_DENIED, failure.reason());
		assertEquals("Permission denied: this user may not open " + BY_ID
				+ " (/dev/ttyUSB0), which belongs to the group dialout.", failure.getMessage());
		assertEquals("Add yourself to the group dialout: sudo usermod -aG dialout $USER, then log out and in again"
				+ " (or reboot) so that the new group applies.", failure.hint().orElseThrow());
	}

	@Test
	void permissionDeniedOnArchNamesUucpAndForACh340MentionsBrltty() {
		OnrampException failure = diagnose(Platform.LINUX, 1, Optional.of(new DeviceNodeOwnership("uucp", false, false)),
				CH340, List.of());
		assertEquals(FailureReason.PERMISSION_DENIED, failure.reason());
		assertEquals("Add yourself to the group uucp: sudo usermod -aG uucp $USER, then log out and in again"
				+ " (or reboot) so that the new group applies. If the WCH CH340 port still fails or disappears right"
				+ " after plugging in: brltty, a braille display driver, claims CH340 and CP210x adapters on many"
				+ " Linux distributions; unless you use a braille display, remove it: sudo apt remove brltty"
				+ " (then unplug and replug the board).", failure.hint().orElseThrow());
	}

	@Test
	void aMemberWhoseSessionPredatesTheGroupIsToldToLogInAgain() {
		OnrampException failure = diagnose(Platform.LINUX, EACCES,
				Optional.of(new DeviceNodeOwnership("dialout", false, true)), ESPRESSIF, List.of());
		assertEquals("You are a member of dialout, but this login session started before you were added:"
				+ " log out and in again (or reboot).", failure.hint().orElseThrow());
	}

	@Test
	void aGroupTheSessionAlreadyHasPointsAtThePermissionsOfTheNode() {
		OnrampException failure = diagnose(Platform.LINUX, EACCES,
				Optional.of(new DeviceNodeOwnership("dialout", true, true)), Optional.empty(), List.of());
		assertEquals("This session already has the group dialout; check the device's permissions"
				+ " (ls -l /dev/ttyUSB0) and any udev rule or ACL that restricts it.", failure.hint().orElseThrow());
	}

	@Test
	void busyNamesTheHoldingProcessAndHowToEndIt() {
		OnrampException failure = diagnose(Platform.LINUX, 11, Optional.empty(), ESPRESSIF,
				List.of(new PortHolder(4242, "minicom")));
		assertEquals(FailureReason.PORT_BUSY, failure.reason());
		assertEquals("The port " + BY_ID + " (/dev/ttyUSB0) is busy: it is held by minicom (pid 4242).",
				failure.getMessage());
		assertEquals("Close minicom (pid 4242) (or stop it: kill 4242), then try again.", failure.hint().orElseThrow());
	}

	@Test
	void busyByBrlttyExplainsTheConflict() {
		OnrampException failure = diagnose(Platform.LINUX, 16, Optional.empty(), CH340,
				List.of(new PortHolder(77, "brltty")));
		assertEquals(FailureReason.PORT_BUSY, failure.reason());
		assertTrue(failure.hint().orElseThrow().contains("sudo apt remove brltty"), failure.userText());
	}

	@Test
	void busyWithoutAVisibleHolderStillSaysWhatToClose() {
		OnrampException failure = diagnose(Platform.LINUX, 11, Optional.empty(), Optional.empty(), List.of());
		assertEquals("The port " + BY_ID + " (/dev/ttyUSB0) is busy: another program has it open.", failure.getMessage());
	}

	@Test
	void errorCodesAreReadPerPlatform() {
		assertEquals(FailureReason.PORT_BUSY, PortOpenFailureDiagnosis.classify(Platform.WINDOWS, 5));
		assertEquals(FailureReason.PORT_NOT_FOUND, PortOpenFailureDiagnosis.classify(Platform.WINDOWS, 2));
		assertEquals(FailureReason.PORT_BUSY, PortOpenFailureDiagnosis.classify(Platform.MAC, 35));
		assertEquals(FailureReason.PERMISSION_DENIED, PortOpenFailureDiagnosis.classify(Platform.MAC, 13));
		assertEquals(FailureReason.PORT_NOT_FOUND, PortOpenFailureDiagnosis.classify(Platform.LINUX, 19));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, PortOpenFailureDiagnosis.classify(Platform.LINUX, 5));
		assertEquals(FailureReason.PORT_BUSY, PortOpenFailureDiagnosis.classify(Platform.LINUX, 11));
	}
}
