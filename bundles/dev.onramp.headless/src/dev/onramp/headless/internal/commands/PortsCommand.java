/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.UsbIdentity;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/** {@code onramp ports}: the serial ports of this computer with their USB identity. */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=ports") //$NON-NLS-1$
public class PortsCommand implements ICommand {

	private final ISerialPortService serialPorts;

	@Activate
	public PortsCommand(@Reference ISerialPortService serialPorts) {
		this.serialPorts = serialPorts;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor) {
		List<SerialPortInfo> ports = serialPorts.listPorts();
		JsonArray array = new JsonArray();
		List<String> lines = new ArrayList<>();
		for (SerialPortInfo port : ports) {
			array.add(toJson(port));
			lines.add(toLine(port));
		}
		// why a board may be missing or closed to this user, as this platform has it
		lines.addAll(serialPorts.advice(ports));
		JsonObject data = new JsonObject();
		data.add("ports", array); //$NON-NLS-1$
		return new CommandResult(data, lines);
	}

	static JsonObject toJson(SerialPortInfo port) {
		JsonObject json = new JsonObject();
		json.addProperty("path", port.systemPath()); //$NON-NLS-1$
		json.addProperty("by_id", port.stablePath().isEmpty() ? null : port.stablePath()); //$NON-NLS-1$
		json.addProperty("description", port.description()); //$NON-NLS-1$
		json.addProperty("access", port.access().name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
		port.usb().ifPresentOrElse(usb -> json.add("usb", toJson(usb)), () -> json.add("usb", null)); //$NON-NLS-1$ //$NON-NLS-2$
		return json;
	}

	private static JsonObject toJson(UsbIdentity usb) {
		JsonObject json = new JsonObject();
		json.addProperty("vid_pid", usb.vidPid()); //$NON-NLS-1$
		json.addProperty("vendor_id", Integer.valueOf(usb.vendorId())); //$NON-NLS-1$
		json.addProperty("product_id", Integer.valueOf(usb.productId())); //$NON-NLS-1$
		json.addProperty("serial_number", usb.serialNumber()); //$NON-NLS-1$
		json.addProperty("manufacturer", usb.manufacturer()); //$NON-NLS-1$
		json.addProperty("product", usb.product()); //$NON-NLS-1$
		json.addProperty("chip", usb.bridge().map(b -> b.chipName()).orElse(null)); //$NON-NLS-1$
		return json;
	}

	private static String toLine(SerialPortInfo port) {
		StringBuilder line = new StringBuilder(port.systemPath());
		port.usb().ifPresent(usb -> {
			line.append("  ").append(usb.vidPid()); //$NON-NLS-1$
			usb.bridge().ifPresent(bridge -> line.append(' ').append(bridge.chipName()));
			if (!usb.serialNumber().isEmpty()) {
				line.append("  serial ").append(usb.serialNumber()); //$NON-NLS-1$
			}
		});
		if (!port.description().isEmpty()) {
			line.append("  ").append(port.description()); //$NON-NLS-1$
		}
		if (port.access() != PortAccess.AVAILABLE) {
			line.append("  [").append(port.access().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(']'); //$NON-NLS-1$
		}
		if (!port.stablePath().isEmpty()) {
			line.append(System.lineSeparator()).append("    ").append(port.stablePath()); //$NON-NLS-1$
		}
		return line.toString();
	}
}
