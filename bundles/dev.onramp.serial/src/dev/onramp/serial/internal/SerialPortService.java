/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;

import com.fazecast.jSerialComm.SerialPort;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.UsbIdentity;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;

/** Serial ports through jSerialComm, with the stable by-id paths and access rights of Linux. */
@Component(service = ISerialPortService.class)
public class SerialPortService implements ISerialPortService {

	private static final Path BY_ID_DIRECTORY = Path.of("/dev/serial/by-id"); //$NON-NLS-1$

	private final List<IPortListener> listeners = new CopyOnWriteArrayList<>();

	@Override
	public List<SerialPortInfo> listPorts() {
		Map<Path, Path> stableLinks = StableLinks.scan(BY_ID_DIRECTORY);
		List<SerialPortInfo> ports = new ArrayList<>();
		for (SerialPort port : SerialPort.getCommPorts()) {
			ports.add(describe(port, stableLinks));
		}
		ports.sort(Comparator.comparing(SerialPortInfo::systemPath));
		return ports;
	}

	static SerialPortInfo describe(SerialPort port, Map<Path, Path> stableLinks) {
		String systemPath = port.getSystemPortPath();
		Path stable = stableLinks.get(StableLinks.realPath(Path.of(systemPath)));
		return new SerialPortInfo(systemPath, stable == null ? "" : stable.toString(), //$NON-NLS-1$
				port.getPortDescription(), usbIdentity(port), PortAccessProbe.probe(Path.of(systemPath)));
	}

	private static Optional<UsbIdentity> usbIdentity(SerialPort port) {
		int vendorId = port.getVendorID();
		int productId = port.getProductID();
		if (vendorId < 0 || productId < 0) {
			return Optional.empty();
		}
		return Optional.of(new UsbIdentity(vendorId, productId, port.getSerialNumber(), port.getManufacturer(),
				port.getDescriptivePortName()));
	}

	@Override
	public IByteChannel open(String port, int baudRate) throws OnrampException {
		throw new OnrampException(FailureReason.NOT_AVAILABLE,
				"Opening serial ports is not available yet in this version of Onramp."); //$NON-NLS-1$
	}

	@Override
	public void addPortListener(IPortListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removePortListener(IPortListener listener) {
		listeners.remove(listener);
	}
}
