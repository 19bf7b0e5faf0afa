/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.ble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * What BlueZ's signals say about the adapter and the wanted device while a transport is open: the names discovery
 * finds, the device's path once its name is seen, its connection state, and whether its object was removed (the
 * device vanished). Signal threads write it; the transport waits on it with deadlines.
 */
final class BleLink {

	static final String ADAPTER = "org.bluez.Adapter1"; //$NON-NLS-1$
	static final String DEVICE = "org.bluez.Device1"; //$NON-NLS-1$

	private final String wantedName;
	private final ReentrantLock lock = new ReentrantLock();
	private final Condition changed = lock.newCondition();
	private final Map<String, String> namesSeen = new LinkedHashMap<>();
	private String adapterPath;
	private String devicePath;
	private boolean connected;
	private boolean servicesResolved;
	private boolean removed;

	BleLink(String wantedName) {
		this.wantedName = wantedName;
	}

	/** Subscribes to BlueZ's object and property signals before anything is asked, so none is missed. */
	void listen(BlueZBus bus) throws DBusException {
		bus.onSignal(BlueZBus.OBJECT_MANAGER, "InterfacesAdded", this::interfacesAdded); //$NON-NLS-1$
		bus.onSignal(BlueZBus.OBJECT_MANAGER, "InterfacesRemoved", this::interfacesRemoved); //$NON-NLS-1$
		bus.onSignal(BlueZBus.PROPERTIES, "PropertiesChanged", this::propertiesChanged); //$NON-NLS-1$
	}

	void adapter(String path) {
		lock.lock();
		try {
			adapterPath = path;
		} finally {
			lock.unlock();
		}
	}

	/** Takes in a device object as {@code GetManagedObjects} or {@code InterfacesAdded} describes it. */
	void device(String path, Map<String, Object> properties) {
		lock.lock();
		try {
			if (adapterPath == null || !path.startsWith(adapterPath + "/")) { //$NON-NLS-1$
				return;
			}
			String name = name(properties);
			if (name != null) {
				namesSeen.put(path, name);
				if (devicePath == null && name.equalsIgnoreCase(wantedName)) {
					devicePath = path;
					connected = Boolean.TRUE.equals(properties.get("Connected")); //$NON-NLS-1$
					servicesResolved = Boolean.TRUE.equals(properties.get("ServicesResolved")); //$NON-NLS-1$
					removed = false;
				}
			}
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	private static String name(Map<String, Object> properties) {
		Object name = properties.get("Name"); //$NON-NLS-1$
		if (name == null) {
			name = properties.get("Alias"); //$NON-NLS-1$
		}
		return name == null ? null : name.toString();
	}

	private void interfacesAdded(DBusSignal signal) {
		try {
			Object[] parameters = signal.getParameters();
			Map<String, Map<String, Object>> interfaces = BlueZBus.interfaces(parameters[1]);
			if (interfaces.containsKey(DEVICE)) {
				device(BlueZBus.pathOf(parameters[0]), interfaces.get(DEVICE));
			}
		} catch (DBusException | RuntimeException e) {
			// a signal that is not BlueZ's shape carries nothing for us
		}
	}

	private void interfacesRemoved(DBusSignal signal) {
		try {
			Object[] parameters = signal.getParameters();
			String path = BlueZBus.pathOf(parameters[0]);
			List<String> interfaces = BlueZBus.names(parameters[1]);
			lock.lock();
			try {
				boolean device = path.equals(devicePath) && interfaces.contains(DEVICE);
				boolean adapter = path.equals(adapterPath) && interfaces.contains(ADAPTER);
				if (device || adapter) {
					removed = true;
					connected = false;
					servicesResolved = false;
					changed.signalAll();
				}
			} finally {
				lock.unlock();
			}
		} catch (DBusException | RuntimeException e) {
			// a signal that is not BlueZ's shape carries nothing for us
		}
	}

	private void propertiesChanged(DBusSignal signal) {
		try {
			Object[] parameters = signal.getParameters();
			if (!DEVICE.equals(String.valueOf(parameters[0]))) {
				return;
			}
			String path = signal.getPath();
			Map<String, Object> properties = BlueZBus.properties(parameters[1]);
			lock.lock();
			try {
				if (path.equals(devicePath)) {
					if (properties.get("Connected") instanceof Boolean value) { //$NON-NLS-1$
						connected = value.booleanValue();
					}
					if (properties.get("ServicesResolved") instanceof Boolean value) { //$NON-NLS-1$
						servicesResolved = value.booleanValue();
					}
					changed.signalAll();
				} else if (properties.containsKey("Name") || properties.containsKey("Alias")) { //$NON-NLS-1$ //$NON-NLS-2$
					device(path, properties);
				}
			} finally {
				lock.unlock();
			}
		} catch (DBusException | RuntimeException e) {
			// a signal that is not BlueZ's shape carries nothing for us
		}
	}

	/**
	 * Waits until the wanted device is seen.
	 *
	 * @return its object path, or null when the time ran out
	 */
	String awaitDevice(long timeoutMillis) throws InterruptedException {
		return await(timeoutMillis, () -> devicePath != null) ? devicePath() : null;
	}

	/** Waits until BlueZ has resolved the device's GATT services, the link dropped or the device vanished. */
	boolean awaitServicesResolved(long timeoutMillis) throws InterruptedException {
		await(timeoutMillis, () -> servicesResolved || removed);
		return servicesResolved();
	}

	private boolean await(long timeoutMillis, BooleanSupplier condition)
			throws InterruptedException {
		long left = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		lock.lock();
		try {
			while (!condition.getAsBoolean()) {
				if (left <= 0) {
					return false;
				}
				left = changed.awaitNanos(left);
			}
			return true;
		} finally {
			lock.unlock();
		}
	}

	void servicesResolved(boolean value) {
		lock.lock();
		try {
			servicesResolved = value;
			if (value) {
				connected = true;
			}
			changed.signalAll();
		} finally {
			lock.unlock();
		}
	}

	String devicePath() {
		lock.lock();
		try {
			return devicePath;
		} finally {
			lock.unlock();
		}
	}

	boolean servicesResolved() {
		lock.lock();
		try {
			return servicesResolved && !removed;
		} finally {
			lock.unlock();
		}
	}

	boolean connected() {
		lock.lock();
		try {
			return connected && !removed;
		} finally {
			lock.unlock();
		}
	}

	/** @return whether BlueZ removed the device's (or the adapter's) object: the device is gone */
	boolean removed() {
		lock.lock();
		try {
			return removed;
		} finally {
			lock.unlock();
		}
	}

	/** @return the provisioning names (PROV_...) discovery has seen, sorted; other devices' names stay private */
	List<String> provisioningNamesSeen() {
		lock.lock();
		try {
			return new TreeSet<>(namesSeen.values()).stream()
					.filter(name -> name.toUpperCase(Locale.ROOT).startsWith("PROV_")).toList(); //$NON-NLS-1$
		} finally {
			lock.unlock();
		}
	}
}
