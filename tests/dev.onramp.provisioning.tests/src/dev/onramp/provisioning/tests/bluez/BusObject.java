/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bluez;

import java.util.LinkedHashMap;
import java.util.Map;

import org.freedesktop.dbus.errors.UnknownObject;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/** An object of the BlueZ stand-in: a path, its interfaces and their properties, read through Properties. */
abstract class BusObject implements Properties {

	private final String path;

	BusObject(String path) {
		this.path = path;
	}

	@Override
	public String getObjectPath() {
		return path;
	}

	/** @return the object's BlueZ interfaces with their current properties, as GetManagedObjects lists them */
	abstract Map<String, Map<String, Variant<?>>> interfaces();

	/** @return whether BlueZ still has this object (a vanished device does not) */
	boolean present() {
		return true;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <A> A Get(String iface, String property) {
		Variant<?> value = GetAll(iface).get(property);
		if (value == null) {
			throw new org.bluez.Error.DoesNotExist("No such property '" + property + "'");
		}
		return (A) value.getValue();
	}

	@Override
	public <A> void Set(String iface, String property, A value) {
		throw new org.bluez.Error.Failed("read-only in the stand-in");
	}

	@Override
	public Map<String, Variant<?>> GetAll(String iface) {
		if (!present()) {
			throw new UnknownObject(path + " is not an object of BlueZ any more");
		}
		Map<String, Variant<?>> properties = interfaces().get(iface);
		return properties == null ? new LinkedHashMap<>() : properties;
	}
}
