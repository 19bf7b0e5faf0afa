/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.serial.ISerialPortService;

/**
 * The device consoles as an OSGi service: one {@link DeviceConsole} per board key, added to the Console view on
 * first use, with one secret masker for all of them. A console the user closes is forgotten, and comes back empty
 * the next time something writes to the board.
 */
@Component(service = { IDeviceConsoles.class, DeviceConsoles.class })
public final class DeviceConsoles implements IDeviceConsoles {

	private final Map<String, DeviceConsole> consoles = new ConcurrentHashMap<>();
	private final SecretMasker masker = new SecretMasker();
	private volatile ISerialPortService serialPorts;
	private final IConsoleListener removals = new IConsoleListener() {
		@Override
		public void consolesAdded(IConsole[] added) {
			// nothing: consoles are added here
		}

		@Override
		public void consolesRemoved(IConsole[] removed) {
			for (IConsole console : removed) {
				if (console instanceof DeviceConsole device) {
					consoles.remove(device.deviceKey(), device);
					device.monitor().ifPresent(SerialMonitor::stop);
				}
			}
		}
	};

	@Activate
	void activate() {
		ConsolePlugin.getDefault().getConsoleManager().addConsoleListener(removals);
	}

	@Deactivate
	void deactivate() {
		ConsolePlugin plugin = ConsolePlugin.getDefault();
		if (plugin != null) {
			plugin.getConsoleManager().removeConsoleListener(removals);
			plugin.getConsoleManager().removeConsoles(consoles.values().toArray(IConsole[]::new));
		}
		consoles.values().forEach(console -> console.monitor().ifPresent(SerialMonitor::stop));
		consoles.clear();
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setSerialPorts(ISerialPortService service) {
		this.serialPorts = service;
	}

	void unsetSerialPorts(ISerialPortService service) {
		if (this.serialPorts == service) {
			this.serialPorts = null;
		}
	}

	@Override
	public DeviceConsole console(String deviceKey, String title) {
		return console(deviceKey, title, null);
	}

	/**
	 * @param port the board's serial port, which the console's "Monitor serial port" reads; {@code null} if unknown
	 * @return the board's console, knowing its port and with a monitor for it (not started)
	 */
	public DeviceConsole console(String deviceKey, String title, String port) {
		boolean[] created = { false };
		DeviceConsole console = consoles.computeIfAbsent(deviceKey, key -> {
			created[0] = true;
			DeviceConsole newConsole = new DeviceConsole(key, title, masker);
			knowPort(newConsole, port);
			return newConsole;
		});
		if (created[0]) {
			ConsolePlugin.getDefault().getConsoleManager().addConsoles(new IConsole[] { console });
		} else {
			knowPort(console, port);
		}
		return console;
	}

	private void knowPort(DeviceConsole console, String port) {
		synchronized (console) {
			if (port != null && console.serialPort().isEmpty()) {
				console.setSerialPort(port);
				console.setMonitor(new SerialMonitor(console, port, () -> serialPorts));
			}
		}
	}

	/** @return the board's console, if it has one now */
	public Optional<DeviceConsole> existing(String deviceKey) {
		return Optional.ofNullable(consoles.get(deviceKey));
	}

	@Override
	public void maskSecret(String secretValue) {
		masker.add(secretValue);
	}

	/** Closes the board's console: stops its monitor and removes it from the Console view. */
	public void close(DeviceConsole console) {
		console.monitor().ifPresent(SerialMonitor::stop);
		consoles.remove(console.deviceKey(), console);
		ConsolePlugin.getDefault().getConsoleManager().removeConsoles(new IConsole[] { console });
	}
}
