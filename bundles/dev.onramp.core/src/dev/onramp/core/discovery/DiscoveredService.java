/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.discovery;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * One mDNS service instance.
 *
 * @param instanceName for example {@code pyDirect e5f6}
 * @param serviceType  for example {@code _https._tcp}
 * @param hostname     the announced host without {@code .local}
 * @param addresses    resolved addresses
 * @param port         the service port
 * @param txt          TXT record entries
 * @param interfaceName the network interface it was seen on
 */
public record DiscoveredService(String instanceName, String serviceType, String hostname, List<InetAddress> addresses,
		int port, Map<String, String> txt, String interfaceName) {

	public DiscoveredService {
		addresses = List.copyOf(addresses);
		txt = Map.copyOf(txt);
	}
}
