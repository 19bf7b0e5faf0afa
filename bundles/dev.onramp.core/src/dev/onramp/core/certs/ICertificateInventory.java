/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.util.List;

import dev.onramp.core.OnrampException;

/** Every certificate Onramp issued from this data directory, so expiring ones can be renewed in time. */
public interface ICertificateInventory {

	/** @return all recorded certificates, oldest first */
	List<InventoryEntry> entries() throws OnrampException;

	/** @return certificates that expire within {@code days} days from now (expired ones included), soonest first */
	List<InventoryEntry> expiringWithin(int days) throws OnrampException;
}
