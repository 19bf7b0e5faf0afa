/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.framework.BundleContext;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.ICertificateInventory;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.core.registry.IDeviceRegistryListener;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * What the Device Explorer shows, gathered from the device services, with the background identification of the
 * boards on serial ports: each newly seen port is identified once, in its own Job, until it goes away (unplugged)
 * or the user asks again. Every method may block on services or the operating system: call them from Jobs.
 */
public final class ExplorerModel implements AutoCloseable {

	/** Built-in UARTs are not boards a user plugged in (unless something identified them). */
	private static final Pattern BUILT_IN_UART = Pattern.compile("/dev/tty(S|AMA)\\d+"); //$NON-NLS-1$

	private final Runnable changed;
	private final IDeviceRegistryListener registryListener = new IDeviceRegistryListener() {
		@Override
		public void deviceAdded(Device device) {
			changed.run();
		}

		@Override
		public void deviceChanged(Device previous, Device current) {
			changed.run();
		}

		@Override
		public void deviceRemoved(Device device) {
			changed.run();
		}
	};
	private final IPortListener portListener;
	private final ServiceSlot<IDeviceRegistry> registry;
	private final ServiceSlot<ISerialPortService> serialPorts;
	private final ServiceSlot<IDeviceIdentifier> identifier;
	private final ServiceSlot<ICertificateInventory> inventory;
	/** The host names the registry was last asked to read the inventory for, so it is asked once per change. */
	private volatile Set<String> askedToRefresh = Set.of();
	private final Map<String, Identification> identifications = new ConcurrentHashMap<>();
	private final Map<String, IdentifyJob> identifyJobs = new ConcurrentHashMap<>();
	private volatile boolean closed;

	/**
	 * @param changed told, on any thread, when what the explorer shows may have changed: devices came or went, an
	 *                identification ended, a service arrived or left
	 */
	private ExplorerModel(BundleContext context, Runnable changed) {
		this.changed = changed;
		this.portListener = (change, port) -> changed.run();
		registry = new ServiceSlot<>(context, IDeviceRegistry.class, r -> r.addListener(registryListener),
				r -> r.removeListener(registryListener), changed);
		serialPorts = new ServiceSlot<>(context, ISerialPortService.class, s -> s.addPortListener(portListener),
				s -> s.removePortListener(portListener), changed);
		identifier = new ServiceSlot<>(context, IDeviceIdentifier.class, changed);
		inventory = new ServiceSlot<>(context, ICertificateInventory.class, changed);
	}

	/**
	 * Finds the device services, activating them if needed (the registry starts mDNS): may take seconds, so call it
	 * from a Job.
	 */
	public static ExplorerModel open(BundleContext context, Runnable changed) {
		ExplorerModel model = new ExplorerModel(context, changed);
		model.serialPorts.open();
		model.identifier.open();
		model.inventory.open();
		model.registry.open();
		return model;
	}

	/**
	 * @return the devices now, by group; starts the identification of serial ports seen for the first time
	 */
	public ExplorerSnapshot snapshot() {
		IDeviceRegistry knownDevices = registry.get();
		ISerialPortService ports = serialPorts.get();
		if (knownDevices == null && ports == null) {
			return new ExplorerSnapshot(List.of(), true);
		}
		Map<String, SerialPortInfo> portInfo = new LinkedHashMap<>();
		if (ports != null) {
			ports.listPorts().forEach(p -> portInfo.put(p.systemPath(), p));
		}
		List<Device> devices = knownDevices != null ? knownDevices.devices()
				: portInfo.values().stream().map(ExplorerModel::fromPort).toList();
		Map<String, InventoryEntry> certificates = certificates();

		Map<DeviceGroup, List<Object>> rows = new EnumMap<>(DeviceGroup.class);
		Set<String> boardPorts = new HashSet<>();
		for (Device device : devices) {
			Optional<String> serial = device.endpoint(EndpointKind.SERIAL).map(e -> e.address());
			Optional<InventoryEntry> certificate = device.hostname().map(certificates::get);
			if (serial.isPresent()) {
				String path = serial.get();
				if (isBuiltInUart(path, device)) {
					continue;
				}
				boardPorts.add(path);
				Optional<Identification> identification = Optional.ofNullable(identifications.get(path));
				Device identified = identification.flatMap(Identification::identity)
						.map(identity -> withIdentity(device, identity)).orElse(device);
				certificate = identified.hostname().map(certificates::get);
				add(rows, new DeviceRow(DeviceGroup.USB_BOARDS, path, identified,
						Optional.ofNullable(portInfo.get(path)), identification, certificate));
			} else if (device.endpoint(EndpointKind.PROVISIONING_HTTP).isPresent()) {
				add(rows, new DeviceRow(DeviceGroup.PROVISIONING_ENDPOINTS, device.id().toString(), device,
						Optional.empty(), Optional.empty(), certificate));
			} else if (!onlyInInventory(device, certificates)) {
				add(rows, new DeviceRow(DeviceGroup.NETWORK_DEVICES, device.id().toString(), device, Optional.empty(),
						Optional.empty(), certificate));
			}
		}
		Instant now = Instant.now();
		Set<String> unknownToRegistry = new HashSet<>();
		for (InventoryEntry entry : certificates.values()) {
			String host = Hostnames.withoutLocalSuffix(entry.hostname());
			Optional<Device> device = devices.stream().filter(d -> d.hostname().filter(host::equals).isPresent())
					.findFirst();
			if (device.isEmpty()) {
				unknownToRegistry.add(host);
			}
			add(rows, new CertificateRow(entry, device, now));
		}
		if (knownDevices != null && !unknownToRegistry.isEmpty() && !unknownToRegistry.equals(askedToRefresh)) {
			// certificates written since the registry read the inventory (another process, a command-line run):
			// it reads them again and its change event brings a new snapshot with their devices
			askedToRefresh = unknownToRegistry;
			knownDevices.refresh();
		}
		identifyNewPorts(boardPorts);
		List<GroupRow> groups = new ArrayList<>();
		rows.forEach((group, children) -> groups.add(new GroupRow(group, children)));
		return new ExplorerSnapshot(groups, false);
	}

	private static void add(Map<DeviceGroup, List<Object>> rows, Object row) {
		DeviceGroup group = row instanceof DeviceRow device ? device.group() : DeviceGroup.BLESSED_DEVICES;
		rows.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
	}

	/** @return the newest certificate of each host name (without {@code .local}) */
	private Map<String, InventoryEntry> certificates() {
		ICertificateInventory certificates = inventory.get();
		Map<String, InventoryEntry> byHost = new LinkedHashMap<>();
		if (certificates == null) {
			return byHost;
		}
		try {
			// oldest first: the newest certificate of a host name is the one that counts
			certificates.entries().forEach(e -> byHost.put(Hostnames.withoutLocalSuffix(e.hostname()), e));
		} catch (OnrampException e) {
			ILog.of(getClass()).warn("The Device Explorer cannot read the certificate inventory: " + e.userText()); //$NON-NLS-1$
		}
		return byHost;
	}

	private static boolean isBuiltInUart(String path, Device device) {
		return device.usb().isEmpty() && device.kind() == DeviceKind.UNKNOWN && BUILT_IN_UART.matcher(path).matches();
	}

	/** A device the registry knows from the certificate inventory only is listed under Blessed devices alone. */
	private static boolean onlyInInventory(Device device, Map<String, InventoryEntry> certificates) {
		return device.state() == DeviceState.OFFLINE && device.hostname().map(certificates::containsKey).orElse(false)
				&& device.endpoints().stream().allMatch(e -> e.kind() == EndpointKind.WEB);
	}

	/** @return the device with what its port's identification found: what it runs, its MAC and host name */
	static Device withIdentity(Device device, PortIdentity identity) {
		Device.Builder builder = Device.builder(identity.kind()).state(device.state());
		device.name().ifPresent(builder::name);
		device.usb().ifPresent(builder::usb);
		builder.mac(identity.mac().or(device::mac).orElse(null));
		Optional<String> hostname = identity.hostname().filter(Hostnames::isValidDeviceHostname).or(device::hostname);
		hostname.ifPresent(builder::hostname);
		device.endpoints().forEach(builder::endpoint);
		return builder.build();
	}

	static Device fromPort(SerialPortInfo port) {
		Device.Builder builder = Device.builder(DeviceKind.UNKNOWN).endpoint(EndpointKind.SERIAL, port.systemPath());
		port.usb().ifPresent(builder::usb);
		return builder.build();
	}

	/** Identifies the ports seen for the first time; forgets the ones that went away, so a replugged board is asked anew. */
	private void identifyNewPorts(Set<String> present) {
		for (String port : List.copyOf(identifications.keySet())) {
			if (!present.contains(port)) {
				identifications.remove(port);
				IdentifyJob job = identifyJobs.remove(port);
				if (job != null) {
					job.cancel();
				}
			}
		}
		IDeviceIdentifier service = identifier.get();
		if (service == null) {
			return;
		}
		for (String port : present) {
			if (!identifications.containsKey(port)) {
				identify(port, service);
			}
		}
	}

	/** Identifies these ports again (the user asked for it), whatever was found before. */
	public void identifyAgain(Collection<String> ports) {
		IDeviceIdentifier service = identifier.get();
		if (service == null) {
			return;
		}
		for (String port : ports) {
			IdentifyJob running = identifyJobs.get(port);
			if (running == null || running.getState() == Job.NONE) {
				identify(port, service);
			}
		}
	}

	private synchronized void identify(String port, IDeviceIdentifier service) {
		if (closed) {
			return;
		}
		identifications.put(port, Identification.running());
		IdentifyJob job = new IdentifyJob(port, service, this::identified);
		identifyJobs.put(port, job);
		job.schedule();
		changed.run();
	}

	/** @param result what the job found, or empty when it was cancelled */
	private void identified(IdentifyJob job, Optional<Identification> result) {
		if (!identifyJobs.remove(job.port(), job)) {
			return; // the port went away or was asked again meanwhile
		}
		if (result.isPresent()) {
			identifications.put(job.port(), result.get());
		} else {
			identifications.remove(job.port());
		}
		changed.run();
	}

	/** Stops tracking services, removes the listeners and cancels the identifications. */
	@Override
	public synchronized void close() {
		closed = true;
		registry.close();
		serialPorts.close();
		identifier.close();
		inventory.close();
		identifyJobs.values().forEach(Job::cancel);
		identifyJobs.clear();
	}
}
