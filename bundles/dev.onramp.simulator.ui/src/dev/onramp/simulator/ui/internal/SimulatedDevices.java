/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.Device;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.MacAddress;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * Keeps the simulated boards the user started: each serves on 127.0.0.1 only (never on a real interface, and without
 * mDNS announcements) and is registered in the device registry, so the Device Explorer lists it and the scenarios run
 * on it. All of them stop with this component: when the user stops them, when the bundle stops, when the workbench
 * closes.
 * <p>
 * Immediate, so it lives as long as its bundle and not only while someone holds it. The registry is obtained only when
 * a board is registered, from a Job: getting it may start mDNS, which is never done on the UI thread.
 * <p>
 * A stopped board is unregistered, so it leaves the Device Explorer. The simulator holds the registry only while a
 * board runs.
 */
@Component(service = SimulatedDevices.class, immediate = true)
public class SimulatedDevices {

	private static final String SIMULATOR_MAC_PREFIX = "24:0a:c4"; //$NON-NLS-1$
	private static final List<String> NEIGHBOURS = List.of("Neighbour", "CoffeeShop"); //$NON-NLS-1$ //$NON-NLS-2$

	private final Object lock = new Object();
	// guarded by lock
	private final List<RunningSimulation> running = new ArrayList<>();
	/** Separate from {@link #lock}: obtaining the registry may take a while, asking whether boards run must not. */
	private final Object registryLock = new Object();
	// guarded by registryLock
	private ComponentServiceObjects<IDeviceRegistry> registryObjects;
	private IDeviceRegistry registry;

	private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

	@Reference(service = IDeviceRegistry.class, cardinality = ReferenceCardinality.OPTIONAL,
			policy = ReferencePolicy.DYNAMIC)
	void setRegistry(ComponentServiceObjects<IDeviceRegistry> objects) {
		synchronized (registryLock) {
			releaseRegistry();
			registryObjects = objects;
		}
	}

	void unsetRegistry(ComponentServiceObjects<IDeviceRegistry> objects) {
		synchronized (registryLock) {
			if (registryObjects == objects) {
				releaseRegistry();
				registryObjects = null;
			}
		}
	}

	// called with registryLock held
	private void releaseRegistry() {
		if (registry != null && registryObjects != null) {
			try {
				registryObjects.ungetService(registry);
			} catch (IllegalStateException | IllegalArgumentException e) {
				// the registry went away first
			}
		}
		registry = null;
	}

	/** Never on the UI thread: the first call activates the registry, and with it mDNS. */
	private IDeviceRegistry registry() {
		synchronized (registryLock) {
			if (registry == null && registryObjects != null) {
				registry = registryObjects.getService();
			}
			return registry;
		}
	}

	/** Stops every simulated board when the bundle stops or the workbench closes. */
	@Deactivate
	void deactivate() {
		stopAll();
		synchronized (registryLock) {
			releaseRegistry();
			registryObjects = null;
		}
	}

	/**
	 * Starts a simulated board on 127.0.0.1 and registers it. Off the UI thread.
	 *
	 * @return the board that runs now
	 * @throws IOException when no loopback port could be opened
	 * @throws IllegalStateException when there is no device registry to list the board in; the board is stopped
	 */
	public RunningSimulation start(SimulatedBoard board, DemoValues values) throws IOException {
		AutoCloseable server = null;
		try {
			Device.Builder device = Device.builder(board.kind());
			String address;
			switch (board) {
			case PYDIRECT -> {
				MacAddress mac = randomMac();
				SimulatedNetwork network = SimulatedNetwork.isolated().withKnownNetwork(values.ssid(),
						values.wifiPassword());
				Rfc2217SimulatorServer pyDirect = new Rfc2217SimulatorServer(SimulatedMicroPythonDevice
						.withTemporaryFlash(SimulatorOptions.pyDirectDefaults().withMac(mac).withNetwork(network)));
				server = pyDirect;
				address = pyDirect.uri();
				device.mac(mac).hostname(pyDirect.device().hostname()).endpoint(EndpointKind.SERIAL, address);
			}
			case IMPROV -> {
				ImprovSimulatorServer improv = new ImprovSimulatorServer(
						Map.of(values.ssid(), values.wifiPassword()), NEIGHBOURS);
				server = improv;
				address = improv.uri();
				device.endpoint(EndpointKind.SERIAL, address);
			}
			case ESP_IDF_PROVISIONING -> {
				SimulatedProtocommDevice espIdf = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
						.security(2).pop(values.pop()).network(values.ssid(), values.wifiPassword())
						.extraVisibleNetworks(NEIGHBOURS.size()).build());
				server = espIdf;
				address = espIdf.endpoint();
				device.endpoint(EndpointKind.PROVISIONING_HTTP, address);
			}
			default -> throw new IllegalArgumentException(board.name());
			}
			IDeviceRegistry devices = registry();
			if (devices == null) {
				throw new IllegalStateException(Messages.SimulatedDevices_noRegistry);
			}
			synchronized (lock) {
				device.name(name(board));
			}
			RunningSimulation simulation = new RunningSimulation(board, devices.register(device.build()), address,
					server);
			synchronized (lock) {
				running.add(simulation);
			}
			server = null;
			changed();
			return simulation;
		} finally {
			close(server);
		}
	}

	// called with lock held: "Simulated pyDirect", then "Simulated pyDirect 2"...
	private String name(SimulatedBoard board) {
		long same = running.stream().filter(s -> s.board() == board).count();
		String name = NLS.bind(Messages.SimulatedDevices_name, board.label());
		return same == 0 ? name : name + ' ' + (same + 1);
	}

	/** Each board its own MAC address, and with it its own pyDirect host name. */
	private static MacAddress randomMac() {
		byte[] suffix = new byte[3];
		ThreadLocalRandom.current().nextBytes(suffix);
		return MacAddress.parse(String.format("%s:%02x:%02x:%02x", SIMULATOR_MAC_PREFIX, //$NON-NLS-1$
				Integer.valueOf(suffix[0] & 0xff), Integer.valueOf(suffix[1] & 0xff), Integer.valueOf(suffix[2] & 0xff)));
	}

	/**
	 * Stops every simulated board, frees its port and marks it offline in the registry. Off the UI thread.
	 *
	 * @return the boards that were stopped
	 */
	public List<RunningSimulation> stopAll() {
		List<RunningSimulation> stopped;
		IDeviceRegistry devices;
		synchronized (lock) {
			stopped = List.copyOf(running);
			running.clear();
		}
		synchronized (registryLock) {
			devices = registry;
		}
		for (RunningSimulation simulation : stopped) {
			close(simulation.server());
			if (devices != null) {
				try {
					devices.unregister(simulation.device().id());
				} catch (RuntimeException e) {
					// the registry is stopping too (the workbench closes): nothing to list the board in any more
				}
			}
		}
		releaseRegistryWhenIdle();
		if (!stopped.isEmpty()) {
			changed();
		}
		return stopped;
	}

	/**
	 * Gives the registry back once no board runs: the simulator then keeps neither it nor its mDNS alive (the Device
	 * Explorer holds it as long as it needs it).
	 */
	private void releaseRegistryWhenIdle() {
		synchronized (registryLock) {
			if (!isRunning()) {
				releaseRegistry();
			}
		}
	}

	/** @return the boards that run now */
	public List<RunningSimulation> running() {
		synchronized (lock) {
			return List.copyOf(running);
		}
	}

	/** @return whether any simulated board runs */
	public boolean isRunning() {
		synchronized (lock) {
			return !running.isEmpty();
		}
	}

	/** @param listener told, on the thread that made the change, when a board starts or stops */
	public void addChangeListener(Runnable listener) {
		changeListeners.add(listener);
	}

	public void removeChangeListener(Runnable listener) {
		changeListeners.remove(listener);
	}

	private void changed() {
		changeListeners.forEach(Runnable::run);
	}

	private void close(AutoCloseable server) {
		if (server == null) {
			return;
		}
		try {
			server.close();
		} catch (Exception e) {
			ILog.of(getClass()).warn("A simulated device did not stop cleanly: " + e.getMessage()); //$NON-NLS-1$
		}
	}
}
