/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.ble;

import java.time.Duration;
import java.util.List;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;

/** What the user is told when BLE provisioning fails, each with its reason and what to do; no secret in any. */
final class BleFailures {

	private static final String CHECK_BLUETOOTH = "Check that Bluetooth works on this computer (BlueZ's bluetoothd running, the adapter on), or provision over SoftAP."; //$NON-NLS-1$

	private BleFailures() {
	}

	static OnrampException notLinux() {
		return new OnrampException(FailureReason.USAGE,
				"BLE provisioning is available on Linux (BlueZ) only in this version; use SoftAP (or the console) instead.", //$NON-NLS-1$
				"Join this computer to the device's access point (PROV_...) and provision over SoftAP."); //$NON-NLS-1$
	}

	static OnrampException noBus(String address, Exception cause) {
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE,
				"Cannot reach the computer's Bluetooth service: the system's D-Bus (" + address + ") does not answer.", //$NON-NLS-1$ //$NON-NLS-2$
				"BLE provisioning needs BlueZ (bluetoothd) and the system D-Bus running; check that Bluetooth works on this computer.", //$NON-NLS-1$
				cause);
	}

	static OnrampException unreachable(String message, Exception cause) {
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE, message, CHECK_BLUETOOTH, cause);
	}

	static OnrampException adapterOff(String adapter) {
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE, "The Bluetooth adapter " + adapter + " is off.", //$NON-NLS-1$ //$NON-NLS-2$
				"Turn Bluetooth on (in the system settings, or 'bluetoothctl power on'; check 'rfkill list' when it stays off) and run again."); //$NON-NLS-1$
	}

	static OnrampException noAdapter() {
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE, "This computer has no Bluetooth adapter.", //$NON-NLS-1$
				"Plug in a Bluetooth adapter (or enable the built-in one) and run again, or provision over SoftAP."); //$NON-NLS-1$
	}

	static OnrampException adapterNotReady(Exception cause) {
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE, "The Bluetooth adapter is off or not ready.", //$NON-NLS-1$
				"Turn Bluetooth on and run again.", cause); //$NON-NLS-1$
	}

	static OnrampException notFound(String name, Duration scanned, List<String> seen) {
		String others = seen.isEmpty() ? "no device in provisioning mode was seen" //$NON-NLS-1$
				: "devices in provisioning mode seen: " + String.join(", ", seen); //$NON-NLS-1$ //$NON-NLS-2$
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE,
				"No Bluetooth device named " + name + " was found within " + Math.max(1, scanned.toSeconds()) + " s (" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ others + ").", //$NON-NLS-1$
				"Check the name (it is printed by the device and in its QR code), that the device is in BLE provisioning mode and close to this computer, and that no phone is connected to it."); //$NON-NLS-1$
	}

	static OnrampException pairingRefused(String name, Exception cause) {
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE,
				"The device " + name + " refused pairing with this computer (" + cause.getMessage() + ").", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"Remove the device from this computer's Bluetooth devices (for example 'bluetoothctl remove' with its address), restart it in provisioning mode and run again.", //$NON-NLS-1$
				cause);
	}

	static OnrampException cannotConnect(String name, Exception cause) {
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE,
				"Cannot connect to the device " + name + " over Bluetooth (" + cause.getMessage() + ").", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"Move the device closer, check that no phone is connected to it, and run again.", cause); //$NON-NLS-1$
	}

	static OnrampException noProvisioningService(String name) {
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"The device " + name + " offers no ESP-IDF provisioning service over Bluetooth (no characteristic named prov-session).", //$NON-NLS-1$ //$NON-NLS-2$
				"Check that the device runs ESP-IDF Wi-Fi provisioning over BLE and is in provisioning mode."); //$NON-NLS-1$
	}

	static OnrampException bluezError(String name, String doing, String errorName, Exception cause) {
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"BlueZ reported an error while " + doing + " with the device " + name + ": " + errorName + " " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						+ cause.getMessage(),
				"Restart the device in provisioning mode and run again.", cause); //$NON-NLS-1$
	}

	static OnrampException vanished(String name) {
		return new OnrampException(FailureReason.DEVICE_VANISHED,
				"The device " + name + " disappeared from Bluetooth in the middle of provisioning.", //$NON-NLS-1$ //$NON-NLS-2$
				"Check that the device is powered and near this computer (it may have restarted or left provisioning mode), then run again."); //$NON-NLS-1$
	}

	/** @param waitingFor what was awaited, after "waiting for": {@code its GATT services}, {@code WriteValue} */
	static OnrampException timeout(String name, String waitingFor, Duration total) {
		return new OnrampException(FailureReason.TIMEOUT,
				"The device " + name + " over Bluetooth did not answer within " + total.toSeconds() //$NON-NLS-1$ //$NON-NLS-2$
						+ " s (waiting for " + waitingFor + ").", //$NON-NLS-1$ //$NON-NLS-2$
				"Check that the device is still in provisioning mode and near this computer, or give it more time.") //$NON-NLS-1$
				.withRemedy(Remedy.MORE_TIME);
	}

	static OnrampException cancelled() {
		return new OnrampException(FailureReason.CANCELLED, "Provisioning over Bluetooth was cancelled."); //$NON-NLS-1$
	}
}
