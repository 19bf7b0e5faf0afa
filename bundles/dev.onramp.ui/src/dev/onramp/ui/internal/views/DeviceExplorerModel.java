/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.core.registry.IDeviceRegistryListener;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * What the Device Explorer shows, gathered from the device services. The view asks it from a Job, never from the
 * UI thread, because listing ports touches the operating system.
 */
@Component(service = DeviceExplorerModel.class)
public class DeviceExplorerModel {

	private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
	private final IPortListener portListener = (change, port) -> changeListeners.forEach(Runnable::run);
	private final IDeviceRegistryListener registryListener = new IDeviceRegistryListener() {
		@Override
		public void deviceAdded(Device device) {
			changeListeners.forEach(Runnable::run);
		}

		@Override
		public void deviceChanged(Device previous, Device current) {
			changeListeners.forEach(Runnable::run);
		}

		@Override
		public void deviceRemoved(Device device) {
			changeListeners.forEach(Runnable::run);
		}
	};
	private volatile ISerialPortService serialPorts;
	private volatile IDeviceRegistry registry;

	/** With the registry, the view shows every device Onramp knows: USB, network (mDNS) and blessed ones. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setRegistry(IDeviceRegistry service) {
		this.registry = service;
		service.addListener(registryListener);
		changeListeners.forEach(Runnable::run);
	}

	void unsetRegistry(IDeviceRegistry service) {
		service.removeListener(registryListener);
		if (this.registry == service) {
			this.registry = null;
		}
		changeListeners.forEach(Runnable::run);
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setSerialPorts(ISerialPortService service) {
		this.serialPorts = service;
		service.addPortListener(portListener);
		changeListeners.forEach(Runnable::run);
	}

	void unsetSerialPorts(ISerialPortService service) {
		service.removePortListener(portListener);
		if (this.serialPorts == service) {
			this.serialPorts = null;
		}
	}

	/** @param listener told, on a background thread, when devices may have come or gone (hot-plug) */
	public void addChangeListener(Runnable listener) {
		changeListeners.add(listener);
	}

	public void removeChangeListener(Runnable listener) {
		changeListeners.remove(listener);
	}

	/** @return the devices known now; may block on the operating system, so call it off the UI thread */
	public List<Device> devices() {
		IDeviceRegistry known = registry;
		if (known != null) {
			return known.devices();
		}
		ISerialPortService ports = serialPorts;
		List<Device> devices = new ArrayList<>();
		if (ports != null) {
			for (SerialPortInfo port : ports.listPorts()) {
				if (port.usb().isPresent()) { // built-in UARTs (ttyS*) are not devices a user plugged in
					devices.add(fromPort(port));
				}
			}
		}
		return devices;
	}

	static Device fromPort(SerialPortInfo port) {
		Device.Builder builder = Device.builder(DeviceKind.UNKNOWN)
				.endpoint(EndpointKind.SERIAL, port.preferredPath());
		port.usb().ifPresent(usb -> builder.usb(usb).name(usb.bridge().map(b -> b.chipName()).orElse(usb.product())));
		return builder.build();
	}
}
