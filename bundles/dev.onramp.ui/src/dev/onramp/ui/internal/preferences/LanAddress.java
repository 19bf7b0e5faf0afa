/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.preferences;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * The address a phone on the same network reaches this computer at: the first private IPv4 address of an interface
 * that is up and not a loopback, point-to-point (VPN) or container bridge. The system property
 * {@value #PROPERTY} chooses one instead (tests bind to 127.0.0.1 with it).
 */
final class LanAddress {

	static final String PROPERTY = "onramp.ca.share.address"; //$NON-NLS-1$

	private LanAddress() {
	}

	/** @return the address, or empty when this computer has no LAN address; looks at the interfaces, so not on the UI thread */
	static Optional<InetAddress> choose() {
		String chosen = System.getProperty(PROPERTY);
		try {
			if (chosen != null && !chosen.isBlank()) {
				return Optional.of(InetAddress.getByName(chosen.trim()));
			}
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!nic.isUp() || nic.isLoopback() || nic.isPointToPoint() || nic.isVirtual() || isBridge(nic)) {
					continue;
				}
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
						return Optional.of(address);
					}
				}
			}
		} catch (SocketException | UnknownHostException e) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static boolean isBridge(NetworkInterface nic) {
		String name = nic.getName();
		return name.startsWith("docker") || name.startsWith("br-") || name.startsWith("veth") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				|| name.startsWith("virbr"); //$NON-NLS-1$
	}
}
