/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.util.List;
import java.util.Optional;

/**
 * A device's {@code proto-ver} answer.
 *
 * @param version              the provisioning version, for example {@code v1.1} or {@code netprov-v1.2}
 * @param securityVersion      the security scheme the device runs, when it says
 * @param securityPatchVersion the patch level of that scheme (security 2: 1 and above advance the GCM nonce)
 * @param capabilities         {@code wifi_scan}, {@code no_sec}, {@code no_pop}, ...
 * @param rainmaker            whether the device announces a RainMaker application object
 * @param json                 the answer as received
 */
public record DeviceProtocolInfo(String version, Optional<Integer> securityVersion, int securityPatchVersion,
		List<String> capabilities, boolean rainmaker, String json) {

	public DeviceProtocolInfo {
		capabilities = List.copyOf(capabilities);
	}

	public boolean has(String capability) {
		return capabilities.contains(capability);
	}
}
