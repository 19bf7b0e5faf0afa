/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.views.properties.IPropertySource;

import dev.onramp.core.Device;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.serial.SerialPortInfo;
import dev.onramp.ui.internal.views.properties.DevicePropertySource;

/**
 * One device of a group. It adapts to its {@link Device} (with what identification found: kind, MAC, host name), so
 * handlers and property testers work on the device whatever the row is, and to an {@link IPropertySource} for the
 * Properties view. Equal to the rows of the same device in later refreshes (same group and key), so the tree keeps
 * its selection.
 *
 * @param group          where the row is
 * @param key            what names the device in its group: the serial port for USB boards, else its id
 * @param device         the device as Onramp knows it now
 * @param port           the serial port's description (USB identity, by-id path), for USB boards
 * @param identification the background identification, for USB boards
 * @param certificate    the newest certificate Onramp gave it, when it has one
 */
public record DeviceRow(DeviceGroup group, String key, Device device, Optional<SerialPortInfo> port,
		Optional<Identification> identification, Optional<InventoryEntry> certificate) implements IAdaptable {

	public DeviceRow {
		Objects.requireNonNull(group);
		Objects.requireNonNull(key);
		Objects.requireNonNull(device);
		Objects.requireNonNull(port);
		Objects.requireNonNull(identification);
		Objects.requireNonNull(certificate);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == Device.class) {
			return adapter.cast(device);
		}
		if (adapter == IPropertySource.class) {
			return adapter.cast(new DevicePropertySource(this));
		}
		return null;
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof DeviceRow other && group == other.group && key.equals(other.key);
	}

	@Override
	public int hashCode() {
		return Objects.hash(group, key);
	}
}
