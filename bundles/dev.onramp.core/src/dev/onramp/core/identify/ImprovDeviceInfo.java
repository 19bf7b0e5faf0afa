/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.identify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an Improv Wi-Fi device says about itself over serial.
 *
 * @param deviceInfo the strings of its "device info" RPC result, in the order of the Improv specification: firmware
 *                   name, firmware version, chip, device name, and optionally OS name and OS version; empty when
 *                   the firmware answered that RPC with an Improv error
 * @param state      its current Improv state: {@code stopped}, {@code awaiting_authorization}, {@code authorized},
 *                   {@code provisioning} or {@code provisioned}
 * @param hostname   its answer to the "hostname" RPC, when the firmware knows that command
 */
public record ImprovDeviceInfo(List<String> deviceInfo, Optional<String> state, Optional<String> hostname) {

	public ImprovDeviceInfo {
		deviceInfo = List.copyOf(deviceInfo);
		Objects.requireNonNull(state);
		Objects.requireNonNull(hostname);
	}

	public Optional<String> firmware() {
		return field(0);
	}

	public Optional<String> version() {
		return field(1);
	}

	public Optional<String> chip() {
		return field(2);
	}

	public Optional<String> deviceName() {
		return field(3);
	}

	public Optional<String> osName() {
		return field(4);
	}

	public Optional<String> osVersion() {
		return field(5);
	}

	private Optional<String> field(int index) {
		return index < deviceInfo.size() && !deviceInfo.get(index).isBlank() ? Optional.of(deviceInfo.get(index))
				: Optional.empty();
	}
}
