/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Hostnames;
import dev.onramp.core.MacAddress;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.ICertificateInventory;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.core.registry.IDeviceRegistryListener;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;
import dev.onramp.discovery.internal.DeviceMerger.Contribution;
import dev.onramp.discovery.internal.DeviceMerger.Merged;
import dev.onramp.discovery.internal.DeviceMerger.Source;

/**
 * One list of devices from serial ports, mDNS and registered endpoints (rules in {@link DeviceMerger}).
 * <p>
 * When a device's mDNS records go away (goodbye or TTL expiry): a device known only through mDNS is removed from
 * the list; a device that is also plugged in or was registered stays and turns {@link DeviceState#OFFLINE}. The
 * addresses it had are remembered either way ({@link DeviceMemory}), so {@link #awaitOnline} can try them after a
 * reset ({@link OnlineWaiter}).
 */
@Component(service = IDeviceRegistry.class)
public class DeviceRegistry implements IDeviceRegistry {

	private final IMdnsMonitor mdns;
	private final Object lock = new Object();
	private final RegistryEvents events = new RegistryEvents();
	private final IMdnsListener mdnsListener = new IMdnsListener() {
		@Override
		public void serviceResolved(DiscoveredService service) {
			mdnsResolved(service);
		}

		@Override
		public void serviceRemoved(DiscoveredService service) {
			mdnsRemoved(service);
		}
	};
	private final IPortListener portListener = this::portChanged;

	// guarded by lock
	private final Map<String, SerialPortInfo> serialPorts = new LinkedHashMap<>();
	private final Map<String, DiscoveredService> services = new LinkedHashMap<>();
	private final Map<DeviceId, Device> registered = new LinkedHashMap<>();
	private final DeviceMemory memory = new DeviceMemory();
	private Map<DeviceId, Device> current = new LinkedHashMap<>();
	private List<Merged> merged = List.of();

	private final Map<String, InventoryEntry> inventory = new LinkedHashMap<>();
	private volatile ISerialPortService serialPortService;
	private volatile ICertificateInventory certificateInventory;
	private final OnlineWaiter onlineWaiter;

	/** Starts watching mDNS at once: the registry is only activated when someone uses it. */
	@Activate
	public DeviceRegistry(@Reference IMdnsMonitor mdns) {
		this.mdns = Objects.requireNonNull(mdns);
		this.onlineWaiter = new OnlineWaiter(new WaiterView(), mdns);
		try {
			mdns.addListener(mdnsListener);
		} catch (OnrampException e) {
			// serial ports and registered devices still work; discovery tells the user when asked
			ILog.of(getClass()).warn("Device registry without mDNS: " + e.userText()); //$NON-NLS-1$
		}
	}

	@Deactivate
	public void deactivate() {
		mdns.removeListener(mdnsListener);
		ISerialPortService serial = serialPortService;
		if (serial != null) {
			serial.removePortListener(portListener);
		}
		events.shutdown();
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	public void setSerialPortService(ISerialPortService service) {
		serialPortService = service;
		service.addPortListener(portListener);
		// listing ports can take a moment: never in the binding thread
		events.execute(() -> {
			List<SerialPortInfo> ports = service.listPorts();
			synchronized (lock) {
				if (serialPortService != service) {
					return;
				}
				ports.forEach(p -> serialPorts.put(p.systemPath(), p));
				update();
			}
		});
	}

	public void unsetSerialPortService(ISerialPortService service) {
		service.removePortListener(portListener);
		synchronized (lock) {
			if (serialPortService == service) {
				serialPortService = null;
				serialPorts.clear();
				update();
			}
		}
	}

	/** Devices Onramp gave a certificate are known even while they are off the network. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	public void setCertificateInventory(ICertificateInventory service) {
		certificateInventory = service;
		refreshInventory();
	}

	public void unsetCertificateInventory(ICertificateInventory service) {
		synchronized (lock) {
			if (certificateInventory == service) {
				certificateInventory = null;
				inventory.clear();
				update();
			}
		}
	}

	@Override
	public void refresh() {
		refreshInventory();
	}

	/** Reads the inventory again (after a blessing, for example), off the caller's thread. */
	public void refreshInventory() {
		ICertificateInventory service = certificateInventory;
		if (service == null || events.isShutdown()) {
			return;
		}
		events.execute(() -> {
			List<InventoryEntry> entries;
			try {
				entries = service.entries();
			} catch (OnrampException e) {
				ILog.of(getClass()).warn("Device registry without the certificate inventory: " + e.userText()); //$NON-NLS-1$
				return;
			}
			synchronized (lock) {
				if (certificateInventory != service) {
					return;
				}
				inventory.clear();
				// oldest first: the newest certificate of a host name is the one that counts
				entries.forEach(entry -> inventory.put(Hostnames.withoutLocalSuffix(entry.hostname()), entry));
				update();
			}
		});
	}

	private void portChanged(IPortListener.Change change, SerialPortInfo port) {
		synchronized (lock) {
			if (change == IPortListener.Change.ADDED) {
				serialPorts.put(port.systemPath(), port);
			} else {
				serialPorts.remove(port.systemPath());
			}
			update();
		}
	}

	private static String serviceKey(DiscoveredService service) {
		return (service.interfaceName() + '|' + service.serviceType() + '|' + service.instanceName())
				.toLowerCase(Locale.ROOT);
	}

	void mdnsResolved(DiscoveredService service) {
		synchronized (lock) {
			services.put(serviceKey(service), service);
			memory.resolved(service);
			update();
		}
	}

	void mdnsRemoved(DiscoveredService service) {
		synchronized (lock) {
			if (services.remove(serviceKey(service)) == null) {
				return;
			}
			boolean stillAnnounced = services.values().stream()
					.anyMatch(s -> DeviceContributions.groupKey(s).equals(DeviceContributions.groupKey(service)));
			if (!stillAnnounced) {
				memory.wentAway(service);
			}
			update();
		}
	}

	@Override
	public List<Device> devices() {
		synchronized (lock) {
			return List.copyOf(current.values());
		}
	}

	@Override
	public Optional<Device> device(DeviceId id) {
		synchronized (lock) {
			return find(id).map(Merged::device);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A state other than {@code DETECTED} in the registration replaces what the registry remembered (for example
	 * {@code CONNECTING} before a reset); a device announced over mDNS is {@code ONLINE} whatever it was registered
	 * with.
	 */
	@Override
	public Device register(Device device) {
		synchronized (lock) {
			if (device.state() != DeviceState.DETECTED) {
				memory.forget(device);
			}
			Device previous = registered.get(device.id());
			registered.put(device.id(), previous == null ? device : combine(previous, device));
			update();
			return find(device.id()).map(Merged::device).orElse(device);
		}
	}

	@Override
	public boolean unregister(DeviceId id) {
		synchronized (lock) {
			if (registered.remove(id) == null) {
				return false;
			}
			update();
			return true;
		}
	}

	private static Device combine(Device previous, Device next) {
		Device.Builder builder = next.toBuilder();
		if (next.name().isEmpty()) {
			previous.name().ifPresent(builder::name);
		}
		if (next.hostname().isEmpty()) {
			previous.hostname().ifPresent(builder::hostname);
		}
		if (next.usb().isEmpty()) {
			previous.usb().ifPresent(builder::usb);
		}
		previous.endpoints().forEach(builder::endpoint);
		return builder.build();
	}

	@Override
	public Device awaitOnline(DeviceId id, Duration timeout, IProgressMonitor monitor) throws OnrampException {
		return onlineWaiter.await(id, timeout, monitor);
	}

	/** The registry as {@link OnlineWaiter} sees it. */
	private final class WaiterView implements OnlineWaiter.Registry {

		@Override
		public OnlineWaiter.Sighting sight(DeviceId id) {
			synchronized (lock) {
				Optional<Merged> known = find(id);
				Optional<Device> online = known.filter(m -> m.has(Source.MDNS)).map(Merged::device);
				return new OnlineWaiter.Sighting(online, online.isPresent() ? List.of()
						: List.copyOf(memory.knownAddresses(id, known.map(Merged::device))));
			}
		}

		@Override
		public void awaitChange(DeviceId id, long wakeAt) throws InterruptedException {
			synchronized (lock) {
				long waitNanos = wakeAt - System.nanoTime();
				if (waitNanos > 0 && find(id).map(m -> !m.has(Source.MDNS)).orElse(true)) {
					TimeUnit.NANOSECONDS.timedWait(lock, waitNanos);
				}
			}
		}

		@Override
		public Device markOnline(DeviceId id, InetSocketAddress answered) {
			synchronized (lock) {
				Optional<Merged> known = find(id);
				if (known.isEmpty()) {
					Device.Builder builder = Device.builder(DeviceKind.NETWORK).state(DeviceState.ONLINE)
							.endpoint(EndpointKind.WEB, (answered.getPort() == 443 ? "https://" : "http://") //$NON-NLS-1$ //$NON-NLS-2$
									+ answered.getAddress().getHostAddress() + ":" + answered.getPort() + "/"); //$NON-NLS-1$ //$NON-NLS-2$
					if (id.scheme() == DeviceId.Scheme.MAC) {
						builder.mac(MacAddress.parse(id.value()));
					} else if (id.scheme() == DeviceId.Scheme.HOSTNAME) {
						builder.hostname(id.value());
					}
					Device device = builder.build();
					registered.put(device.id(), device);
				}
				memory.answered(id, known.map(Merged::device));
				update();
				return find(id).map(Merged::device).orElseThrow();
			}
		}
	}

	private Optional<Merged> find(DeviceId id) {
		return merged.stream().filter(m -> matches(m, id)).findFirst();
	}

	private static boolean matches(Merged merged, DeviceId id) {
		Device device = merged.device();
		if (device.id().equals(id)) {
			return true;
		}
		return switch (id.scheme()) {
		case MAC -> device.mac().map(mac -> DeviceId.of(mac).equals(id)).orElse(false);
		case HOSTNAME -> device.hostname().map(host -> DeviceId.ofHostname(host).equals(id)).orElse(false);
		case ENDPOINT -> device.endpoints().stream().anyMatch(e -> DeviceId.of(e).equals(id));
		};
	}

	/** Recomputes the merged list, publishes the differences and wakes {@link #awaitOnline} waiters. */
	private void update() {
		List<Contribution> contributions = new ArrayList<>();
		serialPorts.values().forEach(p -> contributions
				.add(new Contribution(Source.SERIAL, p.systemPath(), DeviceContributions.fromSerial(p))));
		Map<String, List<DiscoveredService>> byHost = new LinkedHashMap<>();
		services.values().forEach(
				s -> byHost.computeIfAbsent(DeviceContributions.groupKey(s), k -> new ArrayList<>()).add(s));
		byHost.forEach((key, group) -> contributions
				.add(new Contribution(Source.MDNS, key, DeviceContributions.fromMdns(group))));
		registered.forEach((id, device) -> contributions.add(new Contribution(Source.MANUAL, id.toString(), device)));
		inventory.forEach((host, entry) -> contributions
				.add(new Contribution(Source.INVENTORY, "cert:" + host, DeviceContributions.fromInventory(entry)))); //$NON-NLS-1$
		merged = DeviceMerger.merge(contributions, memory::stateOf);
		Map<DeviceId, Device> next = new LinkedHashMap<>();
		merged.forEach(m -> next.put(m.device().id(), m.device()));
		Map<DeviceId, Device> previous = current;
		current = next;
		lock.notifyAll();
		events.publish(previous, next);
	}

	@Override
	public void addListener(IDeviceRegistryListener listener) {
		events.addListener(listener);
	}

	@Override
	public void removeListener(IDeviceRegistryListener listener) {
		events.removeListener(listener);
	}
}
