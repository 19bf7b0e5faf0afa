/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.registry.IDeviceRegistryListener;

/**
 * The device registry's one event thread and its listeners: the differences between two device lists reach the
 * listeners in the order the lists changed, and work that can take a moment (listing serial ports, reading the
 * certificate inventory) runs there too, off the caller's thread.
 */
final class RegistryEvents {

	private final List<IDeviceRegistryListener> listeners = new CopyOnWriteArrayList<>();
	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "Onramp device registry events"); //$NON-NLS-1$
		thread.setDaemon(true);
		return thread;
	});

	void addListener(IDeviceRegistryListener listener) {
		listeners.add(listener);
	}

	void removeListener(IDeviceRegistryListener listener) {
		listeners.remove(listener);
	}

	void execute(Runnable task) {
		thread.execute(task);
	}

	boolean isShutdown() {
		return thread.isShutdown();
	}

	/** Stops the thread, letting what is queued finish for up to a second. */
	void shutdown() {
		thread.shutdown();
		try {
			thread.awaitTermination(1, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Tells the listeners, on the event thread, which devices were removed, added or changed. */
	void publish(Map<DeviceId, Device> previous, Map<DeviceId, Device> next) {
		if (listeners.isEmpty() || thread.isShutdown()) {
			return;
		}
		List<Runnable> notifications = new ArrayList<>();
		previous.forEach((id, device) -> {
			if (!next.containsKey(id)) {
				notifications.add(() -> listeners.forEach(l -> l.deviceRemoved(device)));
			}
		});
		next.forEach((id, device) -> {
			Device before = previous.get(id);
			if (before == null) {
				notifications.add(() -> listeners.forEach(l -> l.deviceAdded(device)));
			} else if (!before.equals(device)) {
				notifications.add(() -> listeners.forEach(l -> l.deviceChanged(before, device)));
			}
		});
		if (!notifications.isEmpty()) {
			thread.execute(() -> notifications.forEach(Runnable::run));
		}
	}
}
