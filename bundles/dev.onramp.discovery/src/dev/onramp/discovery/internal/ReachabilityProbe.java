/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;

/** Whether a device answers at an IP address: a TCP connection to its web or provisioning port, bounded in time. */
final class ReachabilityProbe {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}"); //$NON-NLS-1$

	private ReachabilityProbe() {
	}

	static boolean answers(InetSocketAddress address, Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.connect(address, (int) Math.max(1, timeout.toMillis()));
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	/**
	 * @return the IP address and port of a web or provisioning endpoint whose host is an IP literal; never looks a
	 *         name up (a lookup could hang or leave the local network)
	 */
	static Optional<InetSocketAddress> ipAddressOf(Endpoint endpoint) {
		try {
			if (endpoint.kind() == EndpointKind.WEB) {
				URI uri = new URI(endpoint.address());
				String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
				int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80; //$NON-NLS-1$
				return literal(uri.getHost()).map(a -> new InetSocketAddress(a, port));
			}
			if (endpoint.kind() == EndpointKind.PROVISIONING_HTTP) {
				String address = endpoint.address();
				int colon = address.lastIndexOf(':');
				String host = colon < 0 ? address : address.substring(0, colon);
				int port = colon < 0 ? 80 : Integer.parseInt(address.substring(colon + 1));
				return literal(host).map(a -> new InetSocketAddress(a, port));
			}
		} catch (URISyntaxException | NumberFormatException e) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static Optional<InetAddress> literal(String host) {
		if (host == null || !IPV4.matcher(host).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(host)); // a literal: no lookup
		} catch (UnknownHostException e) {
			return Optional.empty();
		}
	}
}
