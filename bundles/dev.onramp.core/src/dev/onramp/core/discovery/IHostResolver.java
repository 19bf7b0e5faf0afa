/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import dev.onramp.core.OnrampException;

/**
 * Resolves a device's {@code .local} name over multicast DNS (an A and AAAA query), for the places that connect to
 * a device by name on computers whose system resolver does not speak mDNS (Linux without nss-mdns, containers, CI).
 */
public interface IHostResolver {

	/**
	 * @param localName {@code <hostname>.local} or the bare {@code <hostname>}
	 * @return the addresses the device answered with, never empty
	 * @throws OnrampException {@code TIMEOUT} when nothing answered within {@code timeout}; {@code USAGE} for a name
	 *                         that is not one label (plus {@code .local}); {@code DEVICE_UNREACHABLE} when no network
	 *                         interface can carry mDNS; {@code NOT_AVAILABLE} while the service shuts down
	 */
	List<InetAddress> resolve(String localName, Duration timeout) throws OnrampException;
}
