/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bluez;

import java.util.Map;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/** The methods of BlueZ's D-Bus interfaces that BLE provisioning uses (BlueZ's doc/org.bluez.*.rst). */
public final class BlueZApi {

	private BlueZApi() {
	}

	@DBusInterfaceName("org.bluez.Adapter1")
	public interface Adapter1 extends DBusInterface {
		void StartDiscovery();

		void StopDiscovery();

		void SetDiscoveryFilter(Map<String, Variant<?>> filter);
	}

	@DBusInterfaceName("org.bluez.Device1")
	public interface Device1 extends DBusInterface {
		void Connect();

		void Disconnect();
	}

	@DBusInterfaceName("org.bluez.GattService1")
	public interface GattService1 extends DBusInterface {
		// properties only
	}

	@DBusInterfaceName("org.bluez.GattCharacteristic1")
	public interface GattCharacteristic1 extends DBusInterface {
		byte[] ReadValue(Map<String, Variant<?>> options);

		void WriteValue(byte[] value, Map<String, Variant<?>> options);
	}

	@DBusInterfaceName("org.bluez.GattDescriptor1")
	public interface GattDescriptor1 extends DBusInterface {
		byte[] ReadValue(Map<String, Variant<?>> options);
	}
}
