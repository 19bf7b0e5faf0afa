/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.util.Objects;
import java.util.Optional;

import dev.onramp.core.MacAddress;

/**
 * Who answers on a port.
 *
 * @param implementation {@code sys.implementation.name}, for example {@code micropython}
 * @param version        {@code os.uname().release}, for example {@code 1.24.1}
 * @param machine        {@code os.uname().machine}, for example {@code Generic ESP32 module with ESP32}
 * @param mac            the Wi-Fi station MAC, when the board has a {@code network} module
 * @param pyDirect       whether pyDirect's {@code settings} module is present
 * @param hostname       pyDirect's {@code device.hostname} setting, else {@code pydirect-xxxx} from the MAC; empty for
 *                       plain MicroPython, which announces no name of its own
 */
public record DeviceIdentity(String implementation, String version, String machine, Optional<MacAddress> mac,
		boolean pyDirect, Optional<String> hostname) {

	public DeviceIdentity {
		Objects.requireNonNull(implementation);
		Objects.requireNonNull(version);
		Objects.requireNonNull(machine);
		Objects.requireNonNull(mac);
		Objects.requireNonNull(hostname);
	}

	/** @return {@code pydirect} or {@code micropython} */
	public String kind() {
		return pyDirect ? "pydirect" : "micropython"; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
