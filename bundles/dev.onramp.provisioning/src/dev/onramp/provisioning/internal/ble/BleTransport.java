/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.ble;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;

import dev.onramp.core.OnrampException;
import dev.onramp.provisioning.internal.Deadline;
import dev.onramp.provisioning.internal.DeviceClosedException;
import dev.onramp.provisioning.internal.EndpointNotFoundException;
import dev.onramp.provisioning.internal.IProtocommTransport;
import dev.onramp.provisioning.internal.ble.BlueZBus.BusErrorException;
import dev.onramp.provisioning.internal.ble.BlueZBus.NoReplyException;

/**
 * Protocomm over Bluetooth Low Energy, through BlueZ on the system bus: find the powered adapter, discover the device
 * by its advertised name, connect, name each characteristic of the provisioning service by its User Description
 * descriptor (0x2901), and carry every request as {@code WriteValue} then {@code ReadValue} on the endpoint's
 * characteristic, as ESP-IDF's {@code esp_prov} does. Long values are BlueZ's business (prepare-write, read blob).
 * <p>
 * How the firmware rejects a request (protocomm's "no answer", a {@link DeviceClosedException} here), read from
 * ESP-IDF's transports: with NimBLE the write is answered with an ATT error (Invalid PDU); with Bluedroid the device
 * drops the link instead of answering the write. A device whose object BlueZ removes, or whose link drops outside a
 * write, has vanished. Every path disconnects.
 */
public final class BleTransport implements IProtocommTransport {

	/** System property naming the D-Bus address of BlueZ's bus (tests point it at a private bus). */
	public static final String BUS_PROPERTY = "onramp.ble.bus"; //$NON-NLS-1$
	private static final String DEFAULT_SYSTEM_BUS = "unix:path=/run/dbus/system_bus_socket"; //$NON-NLS-1$
	private static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1"; //$NON-NLS-1$
	private static final String DESCRIPTOR = "org.bluez.GattDescriptor1"; //$NON-NLS-1$
	private static final String USER_DESCRIPTION = "00002901-0000-1000-8000-00805f9b34fb"; //$NON-NLS-1$
	/** Discovery ends here even when the caller allows more: a device in provisioning mode advertises every 160 ms. */
	private static final long SCAN_LIMIT_MILLIS = 30_000;
	/** Disconnecting on the way out must not wait for an expired deadline, nor for long. */
	private static final long CLOSING_MILLIS = 2_000;

	private final String name;
	private final Deadline deadline;
	private final BlueZBus bus;
	private final BleLink link;
	private final Map<String, String> endpoints = new LinkedHashMap<>();
	private String adapterPath;
	private boolean discovering;
	private boolean connectAsked;
	private boolean closed;

	private BleTransport(String name, Deadline deadline, BlueZBus bus) {
		this.name = name;
		this.deadline = deadline;
		this.bus = bus;
		this.link = new BleLink(name);
	}

	/**
	 * Finds, connects and maps the device advertising {@code name}, within {@code deadline}.
	 *
	 * @throws OnrampException with a reason for each way it can fail: not Linux, no BlueZ, no adapter, adapter off,
	 *                         device not found, pairing refused, time-out, cancellation
	 */
	public static BleTransport open(String name, Deadline deadline) throws OnrampException {
		checkPlatform(System.getProperty("os.name", "")); //$NON-NLS-1$ //$NON-NLS-2$
		String address = busAddress(System.getProperty(BUS_PROPERTY), System.getenv("DBUS_SYSTEM_BUS_ADDRESS")); //$NON-NLS-1$
		BlueZBus bus;
		try {
			if (!socketExists(address)) {
				throw new DBusException("no socket"); //$NON-NLS-1$
			}
			bus = BlueZBus.open(address, (int) Math.min(CLOSING_MILLIS * 5, Math.max(1, deadline.remainingMillis())));
		} catch (DBusException | RuntimeException e) {
			throw BleFailures.noBus(address, e);
		}
		BleTransport transport = new BleTransport(name, deadline, bus);
		boolean opened = false;
		try {
			transport.connect();
			opened = true;
			return transport;
		} finally {
			if (!opened) {
				transport.close();
			}
		}
	}

	/** @throws OnrampException {@code USAGE} on any system but Linux, where BlueZ is not there to talk to */
	public static void checkPlatform(String osName) throws OnrampException {
		if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) { //$NON-NLS-1$
			throw BleFailures.notLinux();
		}
	}

	/** @return the bus BlueZ is on: the system property, else the system bus the environment names, else the default */
	static String busAddress(String property, String environment) {
		if (property != null && !property.isBlank()) {
			return property.trim();
		}
		if (environment != null && !environment.isBlank()) {
			return environment.trim();
		}
		return DEFAULT_SYSTEM_BUS;
	}

	/** A missing socket file fails at once instead of after the connect time-out. */
	private static boolean socketExists(String address) {
		int path = address.indexOf("path="); //$NON-NLS-1$
		if (!address.startsWith("unix:") || path < 0) { //$NON-NLS-1$
			return true; // abstract sockets and other transports: let the connection tell
		}
		int end = address.indexOf(',', path);
		return Files.exists(Path.of(address.substring(path + 5, end < 0 ? address.length() : end)));
	}

	@Override
	public String where() {
		return name + " over Bluetooth"; //$NON-NLS-1$
	}

	private void connect() throws OnrampException {
		try {
			link.listen(bus);
		} catch (DBusException e) {
			throw BleFailures.unreachable("Cannot follow BlueZ's signals on the system D-Bus (" + e.getMessage() + ").", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
		Map<String, Map<String, Map<String, Object>>> objects = managedObjects();
		adapterPath = poweredAdapter(objects);
		link.adapter(adapterPath);
		objects.forEach((path, interfaces) -> {
			if (interfaces.containsKey(BleLink.DEVICE)) {
				link.device(path, interfaces.get(BleLink.DEVICE));
			}
		});
		String device = link.devicePath() != null ? link.devicePath() : discover();
		try {
			call(device, BleLink.DEVICE, "Connect", null); //$NON-NLS-1$
		} catch (BusErrorException e) {
			throw connectFailed(e);
		} finally {
			connectAsked = true;
		}
		awaitServices(device);
		mapEndpoints(device);
	}

	private Map<String, Map<String, Map<String, Object>>> managedObjects() throws OnrampException {
		try {
			return bus.managedObjects(timeLeft());
		} catch (NoReplyException e) {
			throw noReply("BlueZ's list of adapters"); //$NON-NLS-1$
		} catch (BusErrorException e) {
			if (e.name().startsWith("org.freedesktop.DBus.Error.")) { //$NON-NLS-1$
				throw BleFailures.unreachable("The computer's Bluetooth service (BlueZ) is not running (" + e.getMessage() + ").", e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			throw BleFailures.unreachable("BlueZ did not list its objects: " + e.getMessage(), e); //$NON-NLS-1$
		}
	}

	private static String poweredAdapter(Map<String, Map<String, Map<String, Object>>> objects)
			throws OnrampException {
		String off = null;
		for (Map.Entry<String, Map<String, Map<String, Object>>> object : objects.entrySet()) {
			Map<String, Object> adapter = object.getValue().get(BleLink.ADAPTER);
			if (adapter == null) {
				continue;
			}
			if (Boolean.TRUE.equals(adapter.get("Powered"))) { //$NON-NLS-1$
				return object.getKey();
			}
			off = off == null ? object.getKey() : off;
		}
		if (off != null) {
			throw BleFailures.adapterOff(off.substring(off.lastIndexOf('/') + 1));
		}
		throw BleFailures.noAdapter();
	}

	/** Discovers until the wanted name shows up, within the deadline; discovery is stopped on every path. */
	private String discover() throws OnrampException {
		try {
			Map<String, Variant<?>> filter = new HashMap<>();
			filter.put("Transport", new Variant<>("le")); //$NON-NLS-1$ //$NON-NLS-2$
			call(adapterPath, BleLink.ADAPTER, "SetDiscoveryFilter", "a{sv}", filter); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (BusErrorException e) {
			// an older BlueZ without filters discovers everything, which finds the device too
		}
		try {
			call(adapterPath, BleLink.ADAPTER, "StartDiscovery", null); //$NON-NLS-1$
			discovering = true;
		} catch (BusErrorException e) {
			if (!e.name().endsWith(".InProgress")) { //$NON-NLS-1$
				throw adapterFailed("start discovering", e); //$NON-NLS-1$
			}
			// another program is discovering: its results come to us too
		}
		long scanMillis = Math.min(SCAN_LIMIT_MILLIS, deadline.remainingMillis());
		String device;
		try {
			device = link.awaitDevice(scanMillis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw cancelled();
		} finally {
			stopDiscovery();
		}
		if (device == null) {
			throw BleFailures.notFound(name, Duration.ofMillis(scanMillis), link.provisioningNamesSeen());
		}
		return device;
	}

	private void stopDiscovery() {
		if (discovering) {
			discovering = false;
			quietly(adapterPath, BleLink.ADAPTER, "StopDiscovery"); //$NON-NLS-1$
		}
	}

	private OnrampException connectFailed(BusErrorException e) {
		if (e.name().startsWith("org.bluez.Error.Authentication")) { //$NON-NLS-1$
			return BleFailures.pairingRefused(name, e);
		}
		if (link.removed()) {
			return vanished();
		}
		return BleFailures.cannotConnect(name, e);
	}

	private void awaitServices(String device) throws OnrampException {
		try {
			Object[] reply = call(device, BlueZBus.PROPERTIES, "Get", "ss", BleLink.DEVICE, "ServicesResolved"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Object value = reply.length > 0 && reply[0] instanceof Variant<?> variant ? variant.getValue() : null;
			if (Boolean.TRUE.equals(value)) {
				link.servicesResolved(true);
			}
		} catch (BusErrorException e) {
			if (link.removed() || e.name().endsWith(".UnknownObject")) { //$NON-NLS-1$
				throw vanished();
			}
		}
		try {
			if (!link.awaitServicesResolved(deadline.remainingMillis())) {
				if (link.removed()) {
					throw vanished();
				}
				throw noReply("its GATT services"); //$NON-NLS-1$
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw cancelled();
		}
	}

	/** Names the characteristics of the device by their User Description descriptors. */
	private void mapEndpoints(String device) throws OnrampException {
		Map<String, Map<String, Map<String, Object>>> objects = managedObjects();
		for (Map.Entry<String, Map<String, Map<String, Object>>> object : objects.entrySet()) {
			Map<String, Object> descriptor = object.getValue().get(DESCRIPTOR);
			if (descriptor == null || !object.getKey().startsWith(device + "/") //$NON-NLS-1$
					|| !USER_DESCRIPTION.equalsIgnoreCase(String.valueOf(descriptor.get("UUID")))) { //$NON-NLS-1$
				continue;
			}
			String characteristic = BlueZBus.pathOf(descriptor.get("Characteristic")); //$NON-NLS-1$
			if (!objects.containsKey(characteristic) || !objects.get(characteristic).containsKey(CHARACTERISTIC)) {
				continue;
			}
			try {
				Object[] reply = call(object.getKey(), DESCRIPTOR, "ReadValue", "a{sv}", new HashMap<>()); //$NON-NLS-1$ //$NON-NLS-2$
				String endpoint = reply.length == 0 ? "" //$NON-NLS-1$
						: new String(BlueZBus.bytes(reply[0]), StandardCharsets.UTF_8).replace("\0", "").trim(); //$NON-NLS-1$ //$NON-NLS-2$
				if (!endpoint.isEmpty()) {
					endpoints.putIfAbsent(endpoint, characteristic);
				}
			} catch (BusErrorException e) {
				throw lost("reading the endpoint names", e); //$NON-NLS-1$
			}
		}
		if (!endpoints.containsKey("prov-session")) { //$NON-NLS-1$
			throw BleFailures.noProvisioningService(name);
		}
	}

	@Override
	public byte[] exchange(String endpoint, byte[] request) throws OnrampException, DeviceClosedException {
		if (closed) {
			throw new DeviceClosedException("The Bluetooth connection to the device was closed"); //$NON-NLS-1$
		}
		String characteristic = endpoints.get(endpoint);
		if (characteristic == null) {
			throw new EndpointNotFoundException(where(), endpoint);
		}
		try {
			call(characteristic, CHARACTERISTIC, "WriteValue", "aya{sv}", request, new HashMap<>()); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (BusErrorException e) {
			throw writeRejected(endpoint, e);
		}
		byte[] reply;
		try {
			Object[] answer = call(characteristic, CHARACTERISTIC, "ReadValue", "a{sv}", new HashMap<>()); //$NON-NLS-1$ //$NON-NLS-2$
			reply = answer.length > 0 ? BlueZBus.bytes(answer[0]) : new byte[0];
		} catch (BusErrorException e) {
			throw lost("reading the answer of " + endpoint, e); //$NON-NLS-1$
		}
		if (reply.length == 0) {
			// protocomm answers every request it accepts; nothing to read is a dropped request
			close();
			throw new DeviceClosedException("The device answered " + endpoint + " with nothing"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return reply;
	}

	/**
	 * A failed write is the firmware's rejection (an ATT error from NimBLE, the link dropped by Bluedroid) unless the
	 * device is gone.
	 */
	private OnrampException writeRejected(String endpoint, BusErrorException e)
			throws OnrampException, DeviceClosedException {
		if (link.removed() || e.name().endsWith(".UnknownObject")) { //$NON-NLS-1$
			throw vanished();
		}
		boolean attError = e.getMessage().contains("ATT error"); //$NON-NLS-1$
		LinkState state = attError ? LinkState.UP : linkState();
		if (state == LinkState.GONE) {
			throw vanished();
		}
		if (attError || state == LinkState.DOWN) {
			close();
			throw new DeviceClosedException("The device rejected the request to " + endpoint + " (" + e.getMessage() //$NON-NLS-1$ //$NON-NLS-2$
					+ ")"); //$NON-NLS-1$
		}
		return lost("sending " + endpoint, e); //$NON-NLS-1$
	}

	private enum LinkState {
		UP, DOWN, GONE
	}

	/**
	 * Asks BlueZ about the device after a failure, as its signals may not have arrived yet: still linked, unlinked
	 * (the firmware dropped the link), or no longer known (vanished).
	 */
	private LinkState linkState() {
		try {
			Object[] reply = bus.call(link.devicePath(), BlueZBus.PROPERTIES, "Get", CLOSING_MILLIS, "ss", //$NON-NLS-1$ //$NON-NLS-2$
					BleLink.DEVICE, "Connected"); //$NON-NLS-1$
			if (link.removed()) {
				return LinkState.GONE;
			}
			return reply.length > 0 && reply[0] instanceof Variant<?> variant && Boolean.TRUE.equals(variant.getValue())
					? LinkState.UP
					: LinkState.DOWN;
		} catch (BusErrorException e) {
			return link.removed() || e.name().endsWith(".UnknownObject") ? LinkState.GONE : LinkState.DOWN; //$NON-NLS-1$
		} catch (NoReplyException e) {
			return link.removed() ? LinkState.GONE : LinkState.DOWN;
		}
	}

	/** The link failed outside a write: BlueZ lost the device. */
	private OnrampException lost(String doing, BusErrorException e) {
		close();
		if (link.removed() || e.name().endsWith(".UnknownObject") || e.name().endsWith(".NotConnected") //$NON-NLS-1$ //$NON-NLS-2$
				|| e.name().endsWith(".Failed")) { //$NON-NLS-1$
			return vanished();
		}
		return BleFailures.bluezError(name, doing, e.name(), e);
	}

	private OnrampException vanished() {
		close();
		return BleFailures.vanished(name);
	}

	private OnrampException adapterFailed(String doing, BusErrorException e) {
		if (e.name().endsWith(".NotReady")) { //$NON-NLS-1$
			return BleFailures.adapterNotReady(e);
		}
		return BleFailures.unreachable("The Bluetooth adapter could not " + doing + " (" + e.getMessage() + ").", e); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** @return the reply of a BlueZ call bounded by the deadline; a time-out or a cancellation is thrown as such */
	private Object[] call(String path, String iface, String member, String signature, Object... args)
			throws OnrampException, BusErrorException {
		try {
			return bus.call(path, iface, member, timeLeft(), signature, args);
		} catch (NoReplyException e) {
			if (Thread.currentThread().isInterrupted()) {
				throw cancelled();
			}
			throw noReply(member);
		}
	}

	private long timeLeft() throws OnrampException {
		int left = deadline.remainingMillis();
		if (left == 0) {
			throw noReply("an answer"); //$NON-NLS-1$
		}
		return left;
	}

	private OnrampException noReply(String what) {
		close();
		return BleFailures.timeout(name, what, deadline.total());
	}

	private OnrampException cancelled() {
		close();
		return BleFailures.cancelled();
	}

	/** A call on the way out: bounded, errors ignored, and made even when the thread was interrupted. */
	private void quietly(String path, String iface, String member) {
		boolean interrupted = Thread.interrupted();
		try {
			bus.call(path, iface, member, CLOSING_MILLIS, null);
		} catch (NoReplyException | BusErrorException e) {
			// the device or adapter may already be gone
		} finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Stops discovery, disconnects the device and leaves the bus; safe on every path and more than once. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		stopDiscovery();
		if (connectAsked) {
			// also after the device vanished: BlueZ may still hold a half-open link to it
			quietly(link.devicePath(), BleLink.DEVICE, "Disconnect"); //$NON-NLS-1$
		}
		bus.close();
	}
}
