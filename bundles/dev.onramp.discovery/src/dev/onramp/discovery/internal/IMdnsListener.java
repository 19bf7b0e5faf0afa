/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import dev.onramp.core.discovery.DiscoveredService;

/** Told when an mDNS service instance is resolved, changes, or goes away (goodbye or TTL expiry). */
public interface IMdnsListener {

	void serviceResolved(DiscoveredService service);

	void serviceRemoved(DiscoveredService service);
}
