/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What discovery needs to know about one network interface: a snapshot, so the selection rules can be tested
 * without touching the machine's interfaces.
 */
public record NetworkInterfaceInfo(String name, boolean up, boolean loopback, boolean pointToPoint,
		boolean multicast, List<InetAddress> addresses) {

	public NetworkInterfaceInfo {
		addresses = List.copyOf(addresses);
	}

	/** @return the address a JmDNS instance binds to on this interface: IPv4 when there is one */
	public Optional<InetAddress> bindAddress() {
		return addresses.stream().filter(a -> a instanceof Inet4Address).findFirst()
				.or(() -> addresses.stream().findFirst());
	}

	static NetworkInterfaceInfo of(NetworkInterface networkInterface) throws SocketException {
		return new NetworkInterfaceInfo(networkInterface.getName(), networkInterface.isUp(),
				networkInterface.isLoopback(), networkInterface.isPointToPoint(), networkInterface.supportsMulticast(),
				Collections.list(networkInterface.getInetAddresses()));
	}

	/** @return the interfaces of this computer now; empty when the operating system refuses to list them */
	public static List<NetworkInterfaceInfo> systemInterfaces() {
		List<NetworkInterfaceInfo> result = new ArrayList<>();
		try {
			for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				result.add(of(networkInterface));
			}
		} catch (SocketException e) {
			return List.of();
		}
		return result;
	}
}
