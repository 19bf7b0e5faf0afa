/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.UsbBridge;

/** Turns an operating-system error from opening a serial port into a failure that says what to do. */
final class PortOpenFailureDiagnosis {

	// errno values shared by Linux and macOS unless noted
	private static final int EPERM = 1;
	private static final int ENOENT = 2;
	private static final int ENXIO = 6;
	private static final int EAGAIN_LINUX = 11;
	private static final int EACCES = 13;
	private static final int EBUSY = 16;
	private static final int ENODEV = 19;
	private static final int EAGAIN_MAC = 35;
	// Win32 error codes
	private static final int ERROR_FILE_NOT_FOUND = 2;
	private static final int ERROR_PATH_NOT_FOUND = 3;
	private static final int ERROR_ACCESS_DENIED = 5;
	private static final int ERROR_SHARING_VIOLATION = 32;

	private PortOpenFailureDiagnosis() {
	}

	static OnrampException diagnose(PortOpenFailure failure) {
		return switch (classify(failure.platform(), failure.errorCode())) {
		case PORT_NOT_FOUND -> notFound(failure.platform(), failure.requestedPort());
		case PERMISSION_DENIED -> permissionDenied(failure);
		case PORT_BUSY -> busy(failure.portName(), failure.holders());
		default -> new OnrampException(FailureReason.DEVICE_UNREACHABLE,
				"Could not open " + failure.portName() + " (system error " + failure.errorCode() + ").", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				withDriverHint("Unplug and replug the board if it is among the serial ports of this computer.", failure)) //$NON-NLS-1$
				.withRemedy(Remedy.SERIAL_PORT);
		};
	}

	static FailureReason classify(Platform platform, int errorCode) {
		if (platform == Platform.WINDOWS) {
			return switch (errorCode) {
			case ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND -> FailureReason.PORT_NOT_FOUND;
			// Windows answers "access denied" when another program has the port open
			case ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION -> FailureReason.PORT_BUSY;
			default -> FailureReason.DEVICE_UNREACHABLE;
			};
		}
		if (errorCode == EAGAIN_LINUX && platform != Platform.MAC || errorCode == EAGAIN_MAC && platform == Platform.MAC
				|| errorCode == EBUSY) {
			return FailureReason.PORT_BUSY;
		}
		return switch (errorCode) {
		case EPERM, EACCES -> FailureReason.PERMISSION_DENIED;
		case ENOENT, ENXIO, ENODEV -> FailureReason.PORT_NOT_FOUND;
		default -> FailureReason.DEVICE_UNREACHABLE;
		};
	}

	static OnrampException notFound(Platform platform, String requestedPort) {
		StringBuilder hint = new StringBuilder(
				"If the board is not among the serial ports of this computer, use a data-capable USB cable (some cables only charge)"); //$NON-NLS-1$
		switch (platform) {
		case WINDOWS -> hint.append(". Windows names serial ports COM1, COM2, ... (Device Manager, Ports (COM & LPT)). ") //$NON-NLS-1$
				.append(UsbSerialDrivers.BOTH);
		case MAC -> hint.append(". macOS names them /dev/cu.usbserial-..., /dev/cu.SLAB_USBtoUART,") //$NON-NLS-1$
				.append(" /dev/cu.wchusbserial... or /dev/cu.usbmodem... ").append(UsbSerialDrivers.BOTH); //$NON-NLS-1$
		default -> hint.append(" and check the driver of its USB-serial chip."); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.PORT_NOT_FOUND, "There is no serial port " + requestedPort + '.', //$NON-NLS-1$
				hint.toString()).withRemedy(Remedy.SERIAL_PORT);
	}

	/** @return the hint, followed by the driver to install when the port's chip needs one on this platform */
	private static String withDriverHint(String hint, PortOpenFailure failure) {
		return UsbSerialDrivers.hint(failure.platform(), failure.usb()).map(driver -> hint + ' ' + driver)
				.orElse(hint);
	}

	static OnrampException busy(String portName, List<PortHolder> holders) {
		if (holders.isEmpty()) {
			return new OnrampException(FailureReason.PORT_BUSY, "The port " + portName + " is busy: another program has it open.", //$NON-NLS-1$ //$NON-NLS-2$
					"Close serial monitors (screen, minicom, idf.py monitor, the Arduino IDE) and other Onramp sessions" //$NON-NLS-1$
							+ " on this port, then try again."); //$NON-NLS-1$
		}
		String names = holders.stream().map(PortHolder::describe).collect(Collectors.joining(", ")); //$NON-NLS-1$
		StringBuilder hint = new StringBuilder("Close " + names + " (or stop it: kill " //$NON-NLS-1$ //$NON-NLS-2$
				+ holders.stream().map(h -> Long.toString(h.pid())).collect(Collectors.joining(" ")) + "), then try again."); //$NON-NLS-1$ //$NON-NLS-2$
		if (holders.stream().anyMatch(h -> h.command().startsWith("brltty"))) { //$NON-NLS-1$
			hint.append(' ').append(BRLTTY_HINT);
		}
		if (holders.stream().anyMatch(h -> h.command().startsWith("ModemManager"))) { //$NON-NLS-1$
			hint.append(" ModemManager probes new serial ports for a few seconds after plug-in; wait, or stop it:" //$NON-NLS-1$
					+ " sudo systemctl stop ModemManager"); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.PORT_BUSY, "The port " + portName + " is busy: it is held by " + names + '.', //$NON-NLS-1$ //$NON-NLS-2$
				hint.toString());
	}

	static OnrampException alreadyOpenHere(String portName) {
		return new OnrampException(FailureReason.PORT_BUSY, "The port " + portName + " is already open in this Onramp session.", //$NON-NLS-1$ //$NON-NLS-2$
				"Finish or close the other operation on this port (a wizard, a console or a running command) first."); //$NON-NLS-1$
	}

	private static final String BRLTTY_HINT = "brltty, a braille display driver, claims CH340 and CP210x adapters" //$NON-NLS-1$
			+ " on many Linux distributions; unless you use a braille display, remove it: sudo apt remove brltty" //$NON-NLS-1$
			+ " (then unplug and replug the board)."; //$NON-NLS-1$

	static OnrampException permissionDenied(PortOpenFailure failure) {
		Optional<DeviceNodeOwnership> ownership = failure.ownership();
		StringBuilder message = new StringBuilder("Permission denied: this user may not open ").append(failure.portName()); //$NON-NLS-1$
		StringBuilder hint = new StringBuilder();
		if (failure.platform() == Platform.LINUX && ownership.isPresent() && !"root".equals(ownership.get().group())) { //$NON-NLS-1$
			String group = ownership.get().group();
			message.append(", which belongs to the group ").append(group); //$NON-NLS-1$
			if (ownership.get().groupInSession()) {
				hint.append("This session already has the group ").append(group) //$NON-NLS-1$
						.append("; check the device's permissions (ls -l ").append(failure.devicePath()) //$NON-NLS-1$
						.append(") and any udev rule or ACL that restricts it."); //$NON-NLS-1$
			} else if (ownership.get().userListedInGroup()) {
				hint.append("You are a member of ").append(group) //$NON-NLS-1$
						.append(", but this login session started before you were added: log out and in again (or reboot)."); //$NON-NLS-1$
			} else {
				hint.append("Add yourself to the group ").append(group).append(": sudo usermod -aG ").append(group) //$NON-NLS-1$ //$NON-NLS-2$
						.append(" $USER, then log out and in again (or reboot) so that the new group applies."); //$NON-NLS-1$
			}
		} else if (failure.platform() == Platform.LINUX) {
			hint.append("Check the device's permissions: ls -l ").append(failure.devicePath()) //$NON-NLS-1$
					.append("; usually joining its group helps: sudo usermod -aG dialout $USER, then log out and in again."); //$NON-NLS-1$
		} else {
			hint.append("Check that your user may use ").append(failure.devicePath()).append(" and that no security software blocks it."); //$NON-NLS-1$ //$NON-NLS-2$
			UsbSerialDrivers.hint(failure.platform(), failure.usb()).ifPresent(driver -> hint.append(' ').append(driver));
		}
		Optional<UsbBridge> bridge = failure.usb().flatMap(usb -> usb.bridge());
		if (failure.platform() == Platform.LINUX && bridge.isPresent() && bridge.get().claimedByBrltty()) {
			hint.append(" If the ").append(bridge.get().chipName()) //$NON-NLS-1$
					.append(" port still fails or disappears right after plugging in: ").append(BRLTTY_HINT); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.PERMISSION_DENIED, message.append('.').toString(), hint.toString());
	}
}
