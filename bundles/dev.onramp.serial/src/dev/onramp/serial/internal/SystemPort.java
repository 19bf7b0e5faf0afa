/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.ArrayList;
import java.util.List;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A port as the operating system enumerates it, before Onramp names it: what jSerialComm reports, in a form tests
 * can write for any platform.
 *
 * @param path         the system's path ({@code /dev/ttyUSB0}, {@code /dev/tty.usbserial-0001}, {@code \\.\COM3})
 * @param name         the system's short name ({@code ttyUSB0}, {@code COM3})
 * @param description  what the driver calls the port
 * @param vendorId     the USB vendor id, or -1 when the port is not USB
 * @param productId    the USB product id, or -1 when the port is not USB
 * @param serialNumber the USB serial number, or empty
 * @param manufacturer the USB manufacturer, or empty
 * @param product      the USB product name, or empty
 */
record SystemPort(String path, String name, String description, int vendorId, int productId, String serialNumber,
		String manufacturer, String product) {

	/** @return the ports jSerialComm enumerates now */
	static List<SystemPort> enumerate() {
		List<SystemPort> ports = new ArrayList<>();
		for (SerialPort port : SerialPort.getCommPorts()) {
			ports.add(new SystemPort(port.getSystemPortPath(), port.getSystemPortName(), port.getPortDescription(),
					port.getVendorID(), port.getProductID(), port.getSerialNumber(), port.getManufacturer(),
					port.getDescriptivePortName()));
		}
		return ports;
	}
}
