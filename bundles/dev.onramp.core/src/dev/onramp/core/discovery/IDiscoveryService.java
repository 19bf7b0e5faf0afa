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
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;

/** Multicast DNS: devices announced on the local network, and {@code .local} name resolution. */
public interface IDiscoveryService extends IHostResolver {

	/**
	 * Browses the device service types for {@code timeout}.
	 *
	 * @param interfaces names of the network interfaces to use; empty for the preferences' default
	 */
	List<DiscoveredService> browse(Duration timeout, Set<String> interfaces, IProgressMonitor monitor)
			throws OnrampException;

	/** Resolves {@code <hostname>.local}, failing with {@code TIMEOUT} after {@code timeout}. */
	@Override
	List<InetAddress> resolve(String hostname, Duration timeout) throws OnrampException;
}
