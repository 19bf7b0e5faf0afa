/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.discovery.internal.IMdnsListener;
import dev.onramp.discovery.internal.IMdnsMonitor;

/** mDNS without the network: tests push services in and take them away. */
final class FakeMdnsMonitor implements IMdnsMonitor {

	private final List<IMdnsListener> listeners = new CopyOnWriteArrayList<>();

	static DiscoveredService service(String instance, String type, String host, InetAddress address, int port,
			Map<String, String> txt) {
		return new DiscoveredService(instance, type, host, address == null ? List.of() : List.of(address), port, txt,
				"lo"); //$NON-NLS-1$
	}

	void announce(DiscoveredService service) {
		listeners.forEach(l -> l.serviceResolved(service));
	}

	void goodbye(DiscoveredService service) {
		listeners.forEach(l -> l.serviceRemoved(service));
	}

	@Override
	public void addListener(IMdnsListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(IMdnsListener listener) {
		listeners.remove(listener);
	}

	@Override
	public List<DiscoveredService> services() {
		return List.of();
	}

	@Override
	public List<String> interfaceNames() {
		return List.of("lo"); //$NON-NLS-1$
	}

	@Override
	public void restart() {
		// nothing runs
	}
}
