/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.registry;

import dev.onramp.core.Device;

/** Told when the registry's list changes; called on a background thread. */
public interface IDeviceRegistryListener {

	void deviceAdded(Device device);

	void deviceChanged(Device previous, Device current);

	void deviceRemoved(Device device);
}
