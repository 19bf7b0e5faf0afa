/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The key under which the device registry merges what it learns about one device from serial ports, mDNS and
 * manual entries. The MAC address is preferred; a host name or an endpoint address stands in until it is known.
 */
public record DeviceId(Scheme scheme, String value) {

	/** What the identity is derived from, strongest first. */
	public enum Scheme {
		MAC, HOSTNAME, ENDPOINT
	}

	public DeviceId {
		Objects.requireNonNull(scheme);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("A device id needs a value"); //$NON-NLS-1$
		}
		value = scheme == Scheme.ENDPOINT ? value.trim() : value.trim().toLowerCase(Locale.ROOT);
	}

	public static DeviceId of(MacAddress mac) {
		return new DeviceId(Scheme.MAC, mac.toString());
	}

	/** @param hostname with or without the {@code .local} suffix and the trailing dot */
	public static DeviceId ofHostname(String hostname) {
		return new DeviceId(Scheme.HOSTNAME, Hostnames.withoutLocalSuffix(hostname));
	}

	public static DeviceId of(Endpoint endpoint) {
		return new DeviceId(Scheme.ENDPOINT, endpoint.kind() + ":" + endpoint.address()); //$NON-NLS-1$
	}

	@Override
	public String toString() {
		return scheme.name().toLowerCase(Locale.ROOT) + ":" + value; //$NON-NLS-1$
	}
}
