/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bluez;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bluez.Error;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.interfaces.Properties.PropertiesChanged;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.transport.jre.NativeTransportProvider;
import org.freedesktop.dbus.types.Variant;

import dev.onramp.provisioning.tests.bluez.BlueZApi.Adapter1;
import dev.onramp.provisioning.tests.bluez.BlueZApi.Device1;
import dev.onramp.simulator.protocomm.ProtocommGattService;

/**
 * A stand-in for BlueZ, the Linux Bluetooth stack, on a private D-Bus: it owns {@code org.bluez} and serves an
 * ObjectManager at {@code /}, the adapter {@code hci0}, and one ESP-IDF device in BLE provisioning mode that appears
 * when discovery starts, whose GATT objects appear on Connect. Reads and writes reach the simulated firmware through
 * {@link ProtocommGattService}. Faults make it behave as the failures users meet; it counts connections and
 * disconnections so tests can check that every path disconnects.
 */
public final class BlueZStandIn implements AutoCloseable {

	/** How the stand-in misbehaves. */
	public enum Fault {
		/** No adapter object at all. */
		NO_ADAPTER,
		/** The adapter is there but not powered. */
		ADAPTER_OFF,
		/** Discovery finds other devices, never the wanted one. */
		DEVICE_NEVER_APPEARS,
		/** Connect fails with org.bluez.Error.AuthenticationFailed. */
		PAIRING_REFUSED,
		/** Writes are never answered. */
		SILENT,
		/** A failing handler drops the link (Bluedroid) instead of an ATT error (NimBLE). */
		BLUEDROID
	}

	static final String DEVICE1 = "org.bluez.Device1";
	static final String ADAPTER_PATH = "/org/bluez/hci0";
	private static final String DEVICE_PATH = ADAPTER_PATH + "/dev_24_0A_C4_12_34_56";

	private final String busAddress;
	private final String deviceName;
	private final ProtocommGattService gatt;
	private final Set<Fault> faults = EnumSet.noneOf(Fault.class);
	private final List<String> others = new ArrayList<>();
	private final CountDownLatch released = new CountDownLatch(1);
	private final CountDownLatch firstWrite = new CountDownLatch(1);
	private final Map<String, BusObject> gattObjects = new LinkedHashMap<>();
	private DBusConnection connection;
	private String vanishOn;
	private boolean discovered;
	private boolean connected;
	private boolean vanished;
	private int connects;
	private int disconnects;
	private int discoveryStarts;
	private int discoveryStops;
	private int writes;

	public BlueZStandIn(String busAddress, String deviceName, ProtocommGattService gatt) {
		this.busAddress = busAddress;
		this.deviceName = deviceName;
		this.gatt = gatt;
	}

	public BlueZStandIn with(Fault fault) {
		faults.add(fault);
		return this;
	}

	/** Other devices discovery finds, by name. */
	public BlueZStandIn alsoAdvertising(String... names) {
		others.addAll(List.of(names));
		return this;
	}

	/** The device vanishes (its object removed, the write failing) at the first write to {@code endpoint}. */
	public BlueZStandIn vanishingOnWriteTo(String endpoint) {
		vanishOn = endpoint;
		return this;
	}

	/** Connects to the bus, exports the root and the adapter and takes the name {@code org.bluez}. */
	public BlueZStandIn start() throws DBusException {
		connection = DBusConnectionBuilder.forAddress(busAddress).withShared(false).transportConfig()
				.withServiceLoaderClassLoader(NativeTransportProvider.class.getClassLoader()).back().build();
		connection.exportObject("/", new Root());
		if (!faults.contains(Fault.NO_ADAPTER)) {
			connection.exportObject(ADAPTER_PATH, new Adapter());
		}
		connection.exportObject(DEVICE_PATH, new Device());
		for (int i = 0; i < others.size(); i++) {
			connection.exportObject(otherPath(i), new OtherDevice(otherPath(i), others.get(i)));
		}
		connection.requestBusName("org.bluez");
		return this;
	}

	private static String otherPath(int index) {
		return ADAPTER_PATH + String.format("/dev_30_AE_A4_00_00_%02X", Integer.valueOf(index));
	}

	public synchronized int connects() {
		return connects;
	}

	public synchronized int disconnects() {
		return disconnects;
	}

	/** @return whether a client holds a link to the device now */
	public synchronized boolean connected() {
		return connected;
	}

	public synchronized int discoveryStarts() {
		return discoveryStarts;
	}

	public synchronized int discoveryStops() {
		return discoveryStops;
	}

	public synchronized int writes() {
		return writes;
	}

	/** @return whether a characteristic was written to within {@code timeout} */
	public boolean awaitWrite(java.time.Duration timeout) throws InterruptedException {
		return firstWrite.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void send(DBusSignal signal) {
		connection.sendMessage(signal);
	}

	private void signal(SignalMaker maker) {
		try {
			send(maker.make());
		} catch (DBusException e) {
			throw new IllegalStateException(e);
		}
	}

	private interface SignalMaker {
		DBusSignal make() throws DBusException;
	}

	private void changed(String path, String iface, String property, Object value) {
		Map<String, Variant<?>> properties = new LinkedHashMap<>();
		properties.put(property, new Variant<>(value));
		signal(() -> new PropertiesChanged(path, iface, properties, List.of()));
	}

	private void added(BusObject object) {
		signal(() -> new ObjectManager.InterfacesAdded("/", new DBusPath(object.getObjectPath()), object.interfaces()));
	}

	private void removed(BusObject object) {
		List<String> interfaces = new ArrayList<>(object.interfaces().keySet());
		signal(() -> new ObjectManager.InterfacesRemoved("/", new DBusPath(object.getObjectPath()), interfaces));
	}

	/** The link goes down: GATT objects go, the firmware's session ends. */
	private synchronized void dropLink() {
		if (!connected) {
			return;
		}
		connected = false;
		gatt.disconnected();
		changed(DEVICE_PATH, DEVICE1, "ServicesResolved", Boolean.FALSE);
		changed(DEVICE_PATH, DEVICE1, "Connected", Boolean.FALSE);
		for (BusObject object : gattObjects.values()) {
			removed(object);
			connection.unExportObject(object.getObjectPath());
		}
		gattObjects.clear();
	}

	private synchronized void exportGatt() throws DBusException {
		String service = DEVICE_PATH + "/service0028";
		gattObjects.put(service, new GattService(service));
		int handle = 0x29;
		for (ProtocommGattService.Characteristic characteristic : gatt.characteristics()) {
			String path = service + String.format("/char%04x", Integer.valueOf(handle));
			gattObjects.put(path, new GattCharacteristic(path, service, characteristic));
			String descriptor = path + String.format("/desc%04x", Integer.valueOf(handle + 2));
			gattObjects.put(descriptor, new GattDescriptor(descriptor, path, characteristic.endpoint()));
			handle += 3;
		}
		for (BusObject object : gattObjects.values()) {
			connection.exportObject(object.getObjectPath(), object);
			added(object);
		}
	}

	@Override
	public void close() {
		released.countDown();
		if (connection != null) {
			try {
				connection.releaseBusName("org.bluez");
			} catch (DBusException | RuntimeException e) {
				// the bus may be gone already
			}
			try {
				connection.close();
			} catch (IOException e) {
				// best effort
			}
		}
	}

	/** {@code /}: BlueZ's ObjectManager. */
	public final class Root implements ObjectManager {

		@Override
		public String getObjectPath() {
			return "/";
		}

		@Override
		public Map<DBusPath, Map<String, Map<String, Variant<?>>>> GetManagedObjects() {
			synchronized (BlueZStandIn.this) {
				Map<DBusPath, Map<String, Map<String, Variant<?>>>> objects = new LinkedHashMap<>();
				if (!faults.contains(Fault.NO_ADAPTER)) {
					objects.put(new DBusPath(ADAPTER_PATH), new Adapter().interfaces());
				}
				Device device = new Device();
				if (device.present()) {
					objects.put(new DBusPath(DEVICE_PATH), device.interfaces());
				}
				for (int i = 0; discovered && i < others.size(); i++) {
					objects.put(new DBusPath(otherPath(i)), new OtherDevice(otherPath(i), others.get(i)).interfaces());
				}
				for (BusObject object : gattObjects.values()) {
					objects.put(new DBusPath(object.getObjectPath()), object.interfaces());
				}
				return objects;
			}
		}
	}

	/** {@code /org/bluez/hci0}. */
	public final class Adapter extends BusObject implements Adapter1, Properties {

		Adapter() {
			super(ADAPTER_PATH);
		}

		@Override
		Map<String, Map<String, Variant<?>>> interfaces() {
			Map<String, Variant<?>> adapter = new LinkedHashMap<>();
			adapter.put("Address", new Variant<>("00:1A:7D:DA:71:13"));
			adapter.put("Powered", new Variant<>(Boolean.valueOf(!faults.contains(Fault.ADAPTER_OFF))));
			adapter.put("Discovering", new Variant<>(Boolean.valueOf(discoveryStarts > discoveryStops)));
			Map<String, Map<String, Variant<?>>> interfaces = new LinkedHashMap<>();
			interfaces.put("org.bluez.Adapter1", adapter);
			return interfaces;
		}

		@Override
		public void StartDiscovery() {
			synchronized (BlueZStandIn.this) {
				if (faults.contains(Fault.ADAPTER_OFF)) {
					throw new Error.NotReady("Resource Not Ready");
				}
				discoveryStarts++;
				for (int i = 0; i < others.size(); i++) {
					added(new OtherDevice(otherPath(i), others.get(i)));
				}
				if (!faults.contains(Fault.DEVICE_NEVER_APPEARS) && !discovered) {
					discovered = true;
					added(new Device());
				}
				discovered = true;
			}
		}

		@Override
		public void StopDiscovery() {
			synchronized (BlueZStandIn.this) {
				discoveryStops++;
			}
		}

		@Override
		public void SetDiscoveryFilter(Map<String, Variant<?>> filter) {
			// every device of the stand-in is a BLE one
		}
	}

	/** The ESP-IDF device. */
	public final class Device extends BusObject implements Device1, Properties {

		Device() {
			super(DEVICE_PATH);
		}

		@Override
		boolean present() {
			synchronized (BlueZStandIn.this) {
				return !vanished && (discovered && !faults.contains(Fault.DEVICE_NEVER_APPEARS));
			}
		}

		@Override
		Map<String, Map<String, Variant<?>>> interfaces() {
			Map<String, Variant<?>> device = new LinkedHashMap<>();
			device.put("Address", new Variant<>("24:0A:C4:12:34:56"));
			device.put("Name", new Variant<>(deviceName));
			device.put("Alias", new Variant<>(deviceName));
			device.put("Adapter", new Variant<>(new DBusPath(ADAPTER_PATH)));
			device.put("RSSI", new Variant<>(Short.valueOf((short) -48)));
			device.put("Paired", new Variant<>(Boolean.FALSE));
			device.put("Connected", new Variant<>(Boolean.valueOf(connected)));
			device.put("ServicesResolved", new Variant<>(Boolean.valueOf(connected)));
			Map<String, Map<String, Variant<?>>> interfaces = new LinkedHashMap<>();
			interfaces.put(DEVICE1, device);
			return interfaces;
		}

		@Override
		public void Connect() {
			synchronized (BlueZStandIn.this) {
				if (!present()) {
					throw new Error.DoesNotExist("Does Not Exist");
				}
				connects++;
				if (faults.contains(Fault.PAIRING_REFUSED)) {
					throw new Error.AuthenticationFailed("Authentication Failed");
				}
				if (connected) {
					return;
				}
				connected = true;
				gatt.connected();
				try {
					exportGatt();
				} catch (DBusException e) {
					throw new Error.Failed(e.getMessage());
				}
				changed(DEVICE_PATH, DEVICE1, "Connected", Boolean.TRUE);
				changed(DEVICE_PATH, DEVICE1, "ServicesResolved", Boolean.TRUE);
			}
		}

		@Override
		public void Disconnect() {
			synchronized (BlueZStandIn.this) {
				disconnects++;
				dropLink();
			}
		}
	}

	/** A device in range that is not the one wanted. */
	public final class OtherDevice extends BusObject implements Device1, Properties {

		private final String name;

		OtherDevice(String path, String name) {
			super(path);
			this.name = name;
		}

		@Override
		Map<String, Map<String, Variant<?>>> interfaces() {
			Map<String, Variant<?>> device = new LinkedHashMap<>();
			device.put("Name", new Variant<>(name));
			device.put("Alias", new Variant<>(name));
			device.put("Connected", new Variant<>(Boolean.FALSE));
			Map<String, Map<String, Variant<?>>> interfaces = new LinkedHashMap<>();
			interfaces.put(DEVICE1, device);
			return interfaces;
		}

		@Override
		public void Connect() {
			throw new Error.Failed("le-connection-abort-by-local");
		}

		@Override
		public void Disconnect() {
			// never connected
		}
	}

	/** The provisioning service. */
	public final class GattService extends BusObject implements BlueZApi.GattService1, Properties {

		GattService(String path) {
			super(path);
		}

		@Override
		Map<String, Map<String, Variant<?>>> interfaces() {
			Map<String, Variant<?>> service = new LinkedHashMap<>();
			service.put("UUID", new Variant<>(ProtocommGattService.SERVICE_UUID));
			service.put("Device", new Variant<>(new DBusPath(DEVICE_PATH)));
			service.put("Primary", new Variant<>(Boolean.TRUE));
			Map<String, Map<String, Variant<?>>> interfaces = new LinkedHashMap<>();
			interfaces.put("org.bluez.GattService1", service);
			return interfaces;
		}
	}

	/** One endpoint's characteristic: writes run the firmware's handler, reads return its answer. */
	public final class GattCharacteristic extends BusObject implements BlueZApi.GattCharacteristic1, Properties {

		private final String service;
		private final ProtocommGattService.Characteristic characteristic;

		GattCharacteristic(String path, String service, ProtocommGattService.Characteristic characteristic) {
			super(path);
			this.service = service;
			this.characteristic = characteristic;
		}

		@Override
		Map<String, Map<String, Variant<?>>> interfaces() {
			Map<String, Variant<?>> properties = new LinkedHashMap<>();
			properties.put("UUID", new Variant<>(characteristic.uuid()));
			properties.put("Service", new Variant<>(new DBusPath(service)));
			properties.put("Flags", new Variant<>(new String[] { "read", "write" }));
			Map<String, Map<String, Variant<?>>> interfaces = new LinkedHashMap<>();
			interfaces.put("org.bluez.GattCharacteristic1", properties);
			return interfaces;
		}

		@Override
		public void WriteValue(byte[] value, Map<String, Variant<?>> options) {
			synchronized (BlueZStandIn.this) {
				checkLink();
				writes++;
				firstWrite.countDown();
				if (characteristic.endpoint().equals(vanishOn)) {
					vanished = true;
					connected = false;
					gatt.disconnected();
					removed(new Device());
					throw new Error.Failed("Not connected");
				}
			}
			if (faults.contains(Fault.SILENT)) {
				try {
					released.await(60, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				throw new Error.Failed("Operation failed");
			}
			synchronized (BlueZStandIn.this) {
				if (gatt.write(characteristic.endpoint(), value) == ProtocommGattService.WriteResult.REJECTED) {
					if (faults.contains(Fault.BLUEDROID)) {
						dropLink();
						throw new Error.Failed("Operation failed");
					}
					throw new Error.Failed(String.format("Operation failed with ATT error: 0x%02x",
							Integer.valueOf(ProtocommGattService.ATT_INVALID_PDU)));
				}
			}
		}

		@Override
		public byte[] ReadValue(Map<String, Variant<?>> options) {
			synchronized (BlueZStandIn.this) {
				checkLink();
				return gatt.read(characteristic.endpoint());
			}
		}
	}

	private void checkLink() {
		if (vanished) {
			throw new Error.Failed("Not connected");
		}
		if (!connected) {
			throw new Error.NotConnected("Not Connected");
		}
	}

	/** The 0x2901 User Description descriptor naming a characteristic's endpoint. */
	public final class GattDescriptor extends BusObject implements BlueZApi.GattDescriptor1, Properties {

		private final String characteristic;
		private final String endpoint;

		GattDescriptor(String path, String characteristic, String endpoint) {
			super(path);
			this.characteristic = characteristic;
			this.endpoint = endpoint;
		}

		@Override
		Map<String, Map<String, Variant<?>>> interfaces() {
			Map<String, Variant<?>> properties = new LinkedHashMap<>();
			properties.put("UUID", new Variant<>("00002901-0000-1000-8000-00805f9b34fb"));
			properties.put("Characteristic", new Variant<>(new DBusPath(characteristic)));
			Map<String, Map<String, Variant<?>>> interfaces = new LinkedHashMap<>();
			interfaces.put("org.bluez.GattDescriptor1", properties);
			return interfaces;
		}

		@Override
		public byte[] ReadValue(Map<String, Variant<?>> options) {
			synchronized (BlueZStandIn.this) {
				checkLink();
				return endpoint.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			}
		}
	}
}
