/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.ISerialPortService;

/** Identifies devices on serial ports with the probes of {@link PortProbe}. */
@Component(service = IDeviceIdentifier.class)
public class DeviceIdentifier implements IDeviceIdentifier {

	private final ISerialPortService ports;
	private final IReplService repl;

	@Activate
	public DeviceIdentifier(@Reference ISerialPortService ports, @Reference IReplService repl) {
		this.ports = ports;
		this.repl = repl;
	}

	@Override
	public PortIdentity identify(String port, IProgressMonitor monitor) throws OnrampException {
		try (IByteChannel channel = ports.open(port, BAUD_RATE)) {
			return probe(channel, port, monitor);
		}
	}

	@Override
	public PortIdentity identify(IByteChannel channel, IProgressMonitor monitor) throws OnrampException {
		return probe(channel, channel.name(), monitor);
	}

	private PortIdentity probe(IByteChannel channel, String port, IProgressMonitor monitor) throws OnrampException {
		List<Probe> inDefaultOrder = List.of(new ImprovProbe(), new ReplProbe(repl), new EspIdfConsoleProbe());
		return new PortProbe(new ProbeLine(channel), port, inDefaultOrder)
				.identify(monitor == null ? new NullProgressMonitor() : monitor);
	}
}
