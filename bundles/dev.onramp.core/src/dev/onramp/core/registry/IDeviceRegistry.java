/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.OnrampException;

/**
 * One merged list of devices from serial ports, mDNS, manually added endpoints and the certificate inventory, keyed
 * by MAC address or host name.
 */
public interface IDeviceRegistry {

	List<Device> devices();

	Optional<Device> device(DeviceId id);

	/** Adds or merges a device known from elsewhere (for example a SoftAP endpoint the user typed). */
	Device register(Device device);

	/**
	 * Waits until the device is reachable on the network (announced over mDNS, or answering at its last known
	 * address).
	 *
	 * @throws OnrampException {@code TIMEOUT} when it does not come online within {@code timeout}
	 */
	Device awaitOnline(DeviceId id, Duration timeout, IProgressMonitor monitor) throws OnrampException;

	/**
	 * Forgets a device {@link #register registered} earlier (an endpoint the user removes, a simulated board that
	 * stopped). What other sources know of it (USB, mDNS, the certificate inventory) stays.
	 *
	 * @return whether it had been registered
	 */
	default boolean unregister(DeviceId id) {
		return false;
	}

	/**
	 * Reads again, in the background, what the registry cannot watch — the certificate inventory, which another
	 * process (a command-line run, a test) may have written; listeners hear of any change.
	 */
	default void refresh() {
		// a registry that watches everything has nothing to read again
	}

	void addListener(IDeviceRegistryListener listener);

	void removeListener(IDeviceRegistryListener listener);
}
