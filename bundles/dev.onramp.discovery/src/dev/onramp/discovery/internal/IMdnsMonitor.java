/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.util.List;

import dev.onramp.core.OnrampException;
import dev.onramp.core.discovery.DiscoveredService;

/**
 * Continuous mDNS browsing on the configured interfaces, for the device registry: runs while it has listeners.
 * Internal to the discovery bundle; other bundles use {@code IDiscoveryService} and {@code IDeviceRegistry}.
 */
public interface IMdnsMonitor {

	/**
	 * Adds a listener, starting the browsing if it is the first, and replays the services known now to it.
	 *
	 * @throws OnrampException when no interface can carry mDNS; the listener is added anyway, so browsing starts
	 *                         with the next listener or {@link #restart()}
	 */
	void addListener(IMdnsListener listener) throws OnrampException;

	void removeListener(IMdnsListener listener);

	/** @return the services resolved on the monitored interfaces now */
	List<DiscoveredService> services();

	/** @return the names of the interfaces being monitored; empty when browsing is not running */
	List<String> interfaceNames();

	/** Re-reads the interface selection (after a preference change) and restarts browsing. */
	void restart() throws OnrampException;
}
