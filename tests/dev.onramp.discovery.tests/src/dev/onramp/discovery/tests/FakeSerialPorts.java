/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;

/** Serial ports without hardware. */
final class FakeSerialPorts implements ISerialPortService {

	private final List<SerialPortInfo> ports = new CopyOnWriteArrayList<>();
	private final List<IPortListener> listeners = new CopyOnWriteArrayList<>();

	FakeSerialPorts(SerialPortInfo... initial) {
		ports.addAll(List.of(initial));
	}

	void plug(SerialPortInfo port) {
		ports.add(port);
		listeners.forEach(l -> l.portChanged(IPortListener.Change.ADDED, port));
	}

	void unplug(SerialPortInfo port) {
		ports.remove(port);
		listeners.forEach(l -> l.portChanged(IPortListener.Change.REMOVED, port));
	}

	@Override
	public List<SerialPortInfo> listPorts() {
		return List.copyOf(ports);
	}

	@Override
	public IByteChannel open(String port, int baudRate) throws OnrampException {
		throw new UnsupportedOperationException();
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
