/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.core.registry.IDeviceRegistryListener;

/**
 * A device registry that takes long to activate, as the real one can while mDNS starts on many interfaces: its
 * service factory holds whoever gets it until the test lets it go (or a deadline passes). Registered with a higher
 * ranking than the real registry, so the Device Explorer uses it.
 */
final class SlowDeviceRegistry implements IDeviceRegistry, ServiceFactory<IDeviceRegistry> {

	private static final Duration LONGEST = Duration.ofSeconds(20);

	private final CountDownLatch activated = new CountDownLatch(1);
	private final CountDownLatch asked = new CountDownLatch(1);
	private final List<Device> devices;

	SlowDeviceRegistry(List<Device> devices) {
		this.devices = List.copyOf(devices);
	}

	/** Ends the activation: whoever waits in {@link #getService} gets the registry. */
	void finishActivation() {
		activated.countDown();
	}

	/** @return whether someone asked for the registry (and waits for its activation) */
	boolean asked() {
		return asked.getCount() == 0;
	}

	@Override
	public IDeviceRegistry getService(Bundle bundle, ServiceRegistration<IDeviceRegistry> registration) {
		asked.countDown();
		try {
			if (!activated.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("the test never finished the slow activation");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return this;
	}

	@Override
	public void ungetService(Bundle bundle, ServiceRegistration<IDeviceRegistry> registration,
			IDeviceRegistry service) {
		// nothing held
	}

	@Override
	public List<Device> devices() {
		return devices;
	}

	@Override
	public Optional<Device> device(DeviceId id) {
		return devices.stream().filter(d -> d.id().equals(id)).findFirst();
	}

	@Override
	public Device register(Device device) {
		return device;
	}

	@Override
	public Device awaitOnline(DeviceId id, Duration timeout, IProgressMonitor monitor) throws OnrampException {
		throw OnrampException.of(FailureReason.TIMEOUT);
	}

	@Override
	public void addListener(IDeviceRegistryListener listener) {
		// the devices never change
	}

	@Override
	public void removeListener(IDeviceRegistryListener listener) {
		// the devices never change
	}
}
