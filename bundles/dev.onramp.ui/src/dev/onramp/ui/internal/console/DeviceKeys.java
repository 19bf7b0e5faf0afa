/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import java.util.Optional;

import dev.onramp.core.Device;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;

/**
 * What names a board for its console and its Jobs' {@link dev.onramp.ui.internal.jobs.DeviceRule}: its serial port
 * path if it has one, else its host name, else its provisioning {@code HOST:PORT}, else its first endpoint.
 */
final class DeviceKeys {

	private DeviceKeys() {
	}

	static String key(Device device) {
		return serialPort(device).or(device::hostname)
				.or(() -> device.endpoint(EndpointKind.PROVISIONING_HTTP).map(Endpoint::address))
				.orElseGet(() -> device.endpoints().isEmpty() ? device.displayName()
						: device.endpoints().get(0).address());
	}

	static Optional<String> serialPort(Device device) {
		return device.endpoint(EndpointKind.SERIAL).map(Endpoint::address);
	}

	/** @return what the Console view calls the board's console, for example {@code pyDirect (/dev/ttyACM0)} */
	static String title(Device device) {
		String key = key(device);
		String name = device.displayName();
		return name.equals(key) ? name : name + " (" + key + ')'; //$NON-NLS-1$
	}
}
