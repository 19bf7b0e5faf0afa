/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatorOptions;

/** What survives a reset of the simulated device: flash (files), settings, and the test's fault and counters. */
public final class DeviceState implements DeviceRuntime.Host {

	private final Path root;
	private final SimulatorOptions options;
	private final Map<String, Object> settings = new ConcurrentHashMap<>();
	private volatile Fault fault = Fault.none();
	public final AtomicLong receivedSinceFault = new AtomicLong();
	public final AtomicInteger flowControlViolations = new AtomicInteger();
	public final AtomicInteger hardResets = new AtomicInteger();
	public final AtomicInteger softResets = new AtomicInteger();
	public final AtomicInteger rawPasteExecs = new AtomicInteger();
	public final AtomicInteger plainRawExecs = new AtomicInteger();
	private final DeviceNetwork network;

	public DeviceState(Path root, SimulatorOptions options) {
		this.root = root.toAbsolutePath().normalize();
		this.options = options;
		settings.put("wifi.ssid", ""); //$NON-NLS-1$ //$NON-NLS-2$
		settings.put("wifi.password", ""); //$NON-NLS-1$ //$NON-NLS-2$
		settings.put("server.https_enabled", Boolean.FALSE); //$NON-NLS-1$
		settings.put("device.hostname", options.mac().pyDirectHostname()); //$NON-NLS-1$
		network = new DeviceNetwork(this.root, options.mac(), options.network(), settings,
				options.rebootDelay().toNanos());
	}

	@Override
	public DeviceNetwork network() {
		return network;
	}

	public SimulatorOptions options() {
		return options;
	}

	public Fault fault() {
		return fault;
	}

	public void setFault(Fault fault) {
		receivedSinceFault.set(0);
		this.fault = fault;
	}

	@Override
	public Path root() {
		return root;
	}

	@Override
	public byte[] mac() {
		return options.mac().octets();
	}

	@Override
	public boolean hashlibAvailable() {
		return options.hashlib();
	}

	@Override
	public boolean pyDirect() {
		return options.pyDirect();
	}

	@Override
	public String version() {
		return options.version();
	}

	@Override
	public String machine() {
		return options.machine();
	}

	@Override
	public Map<String, Object> settings() {
		return settings;
	}

	@Override
	public boolean binaryStdin() {
		return options.binaryStdin();
	}
}
