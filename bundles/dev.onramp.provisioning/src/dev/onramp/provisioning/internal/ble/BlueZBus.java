/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.ble;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.matchrules.DBusMatchRule;
import org.freedesktop.dbus.matchrules.DBusMatchRuleBuilder;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.messages.constants.MessageTypes;
import org.freedesktop.dbus.transport.jre.NativeTransportProvider;
import org.freedesktop.dbus.types.Variant;

/**
 * A connection to the bus BlueZ serves, with the calls BLE provisioning needs made as plain D-Bus messages: each
 * waits for its reply at most the time it is given, and a D-Bus error comes back with its name
 * ({@code org.bluez.Error.Failed}, ...), which decides what the user is told.
 */
final class BlueZBus implements AutoCloseable {

	static final String BLUEZ = "org.bluez"; //$NON-NLS-1$
	static final String OBJECT_MANAGER = "org.freedesktop.DBus.ObjectManager"; //$NON-NLS-1$
	static final String PROPERTIES = "org.freedesktop.DBus.Properties"; //$NON-NLS-1$

	/** No reply within the time a call was given. */
	static final class NoReplyException extends Exception {
		private static final long serialVersionUID = 1L;

		NoReplyException(String member) {
			super(member);
		}
	}

	/** A D-Bus error reply. */
	static final class BusErrorException extends Exception {
		private static final long serialVersionUID = 1L;
		private final String name;

		BusErrorException(String name, String message) {
			super(message == null || message.isBlank() ? name : message);
			this.name = name;
		}

		/** @return the D-Bus error name, for example {@code org.bluez.Error.Failed} */
		String name() {
			return name;
		}
	}

	private final DBusConnection connection;
	private final List<AutoCloseable> subscriptions = new ArrayList<>();

	private BlueZBus(DBusConnection connection) {
		this.connection = connection;
	}

	/**
	 * Connects to the bus at {@code address}. The unix-socket transport is handed to dbus-java by its class loader: in
	 * OSGi the library's own service-loader lookup sees only its bundle.
	 */
	static BlueZBus open(String address, int timeoutMillis) throws DBusException {
		DBusConnection connection = DBusConnectionBuilder.forAddress(address).withShared(false)
				.transportConfig().withServiceLoaderClassLoader(NativeTransportProvider.class.getClassLoader())
				.withTimeout(timeoutMillis).back().build();
		return new BlueZBus(connection);
	}

	/**
	 * Calls a method of a BlueZ object and waits for its reply.
	 *
	 * @return the reply's arguments
	 * @throws NoReplyException     when no reply came within {@code timeoutMillis}, or the thread was interrupted
	 * @throws BusErrorException    when BlueZ (or the bus) answered with an error
	 */
	Object[] call(String path, String iface, String member, long timeoutMillis, String signature, Object... args)
			throws NoReplyException, BusErrorException {
		MethodCall call;
		try {
			call = connection.getMessageFactory().createMethodCall(BLUEZ, path, iface, member, (byte) 0, signature,
					args);
		} catch (DBusException e) {
			throw new BusErrorException("org.freedesktop.DBus.Error.InvalidArgs", e.getMessage()); //$NON-NLS-1$
		}
		connection.sendMessage(call);
		long end = System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
		Message reply = null;
		while (reply == null && !Thread.currentThread().isInterrupted()) {
			long left = (end - System.nanoTime()) / 1_000_000L;
			if (left <= 0) {
				break;
			}
			reply = call.getReply(left);
		}
		if (reply == null) {
			throw new NoReplyException(member);
		}
		try {
			if (reply instanceof Error error) {
				Object[] parameters = error.getParameters();
				String message = parameters != null && parameters.length > 0 ? String.valueOf(parameters[0]) : null;
				throw new BusErrorException(error.getName(), message);
			}
			Object[] parameters = reply.getParameters();
			return parameters == null ? new Object[0] : parameters;
		} catch (DBusException e) {
			throw new BusErrorException("org.freedesktop.DBus.Error.InvalidSignature", e.getMessage()); //$NON-NLS-1$
		}
	}

	/**
	 * {@code GetManagedObjects} on BlueZ's root: every object with its interfaces and their properties (variants
	 * unwrapped), ordered by path.
	 */
	Map<String, Map<String, Map<String, Object>>> managedObjects(long timeoutMillis)
			throws NoReplyException, BusErrorException {
		Object[] reply = call("/", OBJECT_MANAGER, "GetManagedObjects", timeoutMillis, null); //$NON-NLS-1$ //$NON-NLS-2$
		Map<String, Map<String, Map<String, Object>>> objects = new TreeMap<>();
		if (reply.length > 0 && reply[0] instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> object : map.entrySet()) {
				objects.put(pathOf(object.getKey()), interfaces(object.getValue()));
			}
		}
		return objects;
	}

	/** @return the interfaces of an {@code a{sa{sv}}} value, properties unwrapped */
	static Map<String, Map<String, Object>> interfaces(Object value) {
		Map<String, Map<String, Object>> interfaces = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				interfaces.put(String.valueOf(entry.getKey()), properties(entry.getValue()));
			}
		}
		return interfaces;
	}

	/** @return the properties of an {@code a{sv}} value, unwrapped */
	static Map<String, Object> properties(Object value) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				Object property = entry.getValue();
				properties.put(String.valueOf(entry.getKey()),
						property instanceof Variant<?> variant ? variant.getValue() : property);
			}
		}
		return properties;
	}

	/** @return the interface names of an {@code as} value */
	static List<String> names(Object value) {
		List<String> names = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			collection.forEach(name -> names.add(String.valueOf(name)));
		} else if (value instanceof Object[] array) {
			for (Object name : array) {
				names.add(String.valueOf(name));
			}
		}
		return names;
	}

	/** @return the bytes of an {@code ay} value, which dbus-java hands over as an array or a list */
	static byte[] bytes(Object value) {
		if (value instanceof byte[] array) {
			return array;
		}
		// Arrays.asList, not List.of: an element may be null, and a value that is not a byte reads as 0
		List<?> list = value instanceof List<?> l ? l : value instanceof Object[] array ? Arrays.asList(array) : List.of();
		byte[] bytes = new byte[list.size()];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = list.get(i) instanceof Number number ? number.byteValue() : 0;
		}
		return bytes;
	}

	static String pathOf(Object value) {
		return value instanceof DBusPath path ? path.getPath() : String.valueOf(value);
	}

	/**
	 * Hands every signal {@code member} of {@code iface} to {@code handler}, on dbus-java's signal thread, until
	 * {@link #close()}.
	 */
	void onSignal(String iface, String member, Consumer<DBusSignal> handler) throws DBusException {
		DBusMatchRule rule = DBusMatchRuleBuilder.create().withType(MessageTypes.SIGNAL).withInterface(iface).withMember(member)
				.build();
		subscriptions.add(connection.addGenericSigHandler(rule, handler::accept));
	}

	@Override
	public void close() {
		for (AutoCloseable subscription : subscriptions) {
			try {
				subscription.close();
			} catch (Exception e) {
				// the connection closes below anyway
			}
		}
		subscriptions.clear();
		try {
			connection.close();
		} catch (IOException e) {
			// closing is best effort
		}
	}
}
