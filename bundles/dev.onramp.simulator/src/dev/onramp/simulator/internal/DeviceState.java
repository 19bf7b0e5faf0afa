/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatorOptions;

/**
 * What survives a reset of the simulated device: flash (files, among them pyDirect's settings files), the network
 * side, and the test's fault and counters; plus the settings module of the current boot.
 */
public final class DeviceState implements DeviceRuntime.Host {

	private final Path root;
	private final SimulatorOptions options;
	private volatile PyDirectSettings settings;
	private volatile Fault fault = Fault.none();
	public final AtomicLong receivedSinceFault = new AtomicLong();
	private final AtomicLong flashOperationsSinceFault = new AtomicLong();
	/** Flash operations of programs the device ran (open for writing, write, rename, remove, mkdir). */
	public final AtomicLong flashOperations = new AtomicLong();
	public final AtomicInteger flowControlViolations = new AtomicInteger();
	public final AtomicInteger hardResets = new AtomicInteger();
	public final AtomicInteger softResets = new AtomicInteger();
	public final AtomicInteger rawPasteExecs = new AtomicInteger();
	public final AtomicInteger plainRawExecs = new AtomicInteger();
	private final DeviceNetwork network;

	public DeviceState(Path root, SimulatorOptions options) {
		this.root = root.toAbsolutePath().normalize();
		this.options = options;
		this.settings = new PyDirectSettings(this.root);
		if (options.pyDirect()) {
			PyDirectImage.installDefaults(this.root);
			options.network().joinedAtPowerOn().ifPresent(this::storeJoinedNetwork);
		}
		network = new DeviceNetwork(this.root, options.mac(), options.network(), this::settings, this::newBoot,
				options.pyDirect(), options.rebootDelay().toNanos());
	}

	/** A board that was given Wi-Fi before: as the web installer leaves it, its first setup long done. */
	private void storeJoinedNetwork(String ssid) {
		settings.set("wifi.ssid", ssid); //$NON-NLS-1$
		settings.set("wifi.password", options.network().knownNetworks().get(ssid)); //$NON-NLS-1$
		settings.set("server.https_enabled", Boolean.TRUE); //$NON-NLS-1$
		settings.set("device.hostname", PyDirectImage.installerHostname(options.mac().octets())); //$NON-NLS-1$
		settings.set("setup_mode", Boolean.FALSE); //$NON-NLS-1$
		String error = settings.save();
		if (error != null) {
			throw new IllegalStateException("Could not write the simulated settings: " + error); //$NON-NLS-1$
		}
	}

	/** A reset (hard or soft): the settings module starts anew and reads the files on first use. */
	public void newBoot() {
		settings = new PyDirectSettings(root);
	}

	/** @return pyDirect's hostname as its {@code wifi.py} derives it now */
	public String hostname() {
		return PyDirectImage.hostname(settings, mac());
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
		flashOperationsSinceFault.set(0);
		this.fault = fault;
	}

	@Override
	public synchronized boolean powerHoldsForFlashOperation() {
		flashOperations.incrementAndGet();
		Fault now = fault;
		if (now.kind() != Fault.Kind.POWER_CUT) {
			return true;
		}
		if (flashOperationsSinceFault.getAndIncrement() < now.afterBytes()) {
			return true;
		}
		setFault(Fault.none());
		return false;
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
	public PyDirectSettings settings() {
		return settings;
	}

	@Override
	public boolean binaryStdin() {
		return options.binaryStdin();
	}
}
