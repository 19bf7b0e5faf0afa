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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
import dev.onramp.core.FailureReason;
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
 * addresses it had are remembered either way, so {@link #awaitOnline} can try them after a reset.
 */
@Component(service = IDeviceRegistry.class)
public class DeviceRegistry implements IDeviceRegistry {

	static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
	static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

	private final IMdnsMonitor mdns;
	private final Object lock = new Object();
	private final List<IDeviceRegistryListener> listeners = new CopyOnWriteArrayList<>();
	private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "Onramp device registry events"); //$NON-NLS-1$
		thread.setDaemon(true);
		return thread;
	});
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
	private final Map<String, DeviceState> remembered = new HashMap<>();
	private final Map<String, Set<InetSocketAddress>> lastKnownAddresses = new HashMap<>();
	private Map<DeviceId, Device> current = new LinkedHashMap<>();
	private List<Merged> merged = List.of();

	private final Map<String, InventoryEntry> inventory = new LinkedHashMap<>();
	private volatile ISerialPortService serialPortService;
	private volatile ICertificateInventory certificateInventory;

	/** Starts watching mDNS at once: the registry is only activated when someone uses it. */
	@Activate
	public DeviceRegistry(@Reference IMdnsMonitor mdns) {
		this.mdns = Objects.requireNonNull(mdns);
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
		try {
			events.awaitTermination(1, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
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
			Device device = DeviceContributions.fromMdns(List.of(service));
			for (String key : memoryKeys(device)) {
				remembered.remove(key);
				Set<InetSocketAddress> addresses = lastKnownAddresses.computeIfAbsent(key, k -> new LinkedHashSet<>());
				service.addresses().forEach(a -> addresses.add(new InetSocketAddress(a, service.port())));
			}
			update();
		}
	}

	void mdnsRemoved(DiscoveredService service) {
		synchronized (lock) {
			if (services.remove(serviceKey(service)) == null) {
				return;
			}
			Device device = DeviceContributions.fromMdns(List.of(service));
			boolean stillAnnounced = services.values().stream()
					.anyMatch(s -> DeviceContributions.groupKey(s).equals(DeviceContributions.groupKey(service)));
			if (!stillAnnounced) {
				memoryKeys(device).forEach(key -> remembered.put(key, DeviceState.OFFLINE));
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
				memoryKeys(device).forEach(remembered::remove);
				remembered.remove(idKey(device.id()));
			}
			Device previous = registered.get(device.id());
			registered.put(device.id(), previous == null ? device : combine(previous, device));
			update();
			return find(device.id()).map(Merged::device).orElse(device);
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
		long deadline = System.nanoTime() + timeout.toNanos();
		long nextProbe = System.nanoTime();
		Set<InetSocketAddress> tried = new LinkedHashSet<>();
		while (true) {
			List<InetSocketAddress> candidates;
			synchronized (lock) {
				// announced now, or answering now: an earlier probe says nothing about a device that was reset since
				Optional<Device> online = find(id).filter(m -> m.has(Source.MDNS)).map(Merged::device);
				if (online.isPresent()) {
					return online.get();
				}
				candidates = List.copyOf(knownAddresses(id));
			}
			if (monitor != null && monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				tried.addAll(candidates);
				throw timedOut(id, timeout, tried);
			}
			if (now - nextProbe >= 0) {
				for (InetSocketAddress candidate : candidates) {
					tried.add(candidate);
					Duration left = Duration.ofNanos(deadline - System.nanoTime());
					if (!left.isNegative() && ReachabilityProbe.answers(candidate, min(PROBE_TIMEOUT, left))) {
						return markOnline(id, candidate);
					}
				}
				nextProbe = System.nanoTime() + PROBE_INTERVAL.toNanos();
			}
			synchronized (lock) {
				long waitNanos = Math.min(Math.min(deadline, nextProbe) - System.nanoTime(),
						TimeUnit.MILLISECONDS.toNanos(100));
				if (waitNanos > 0 && find(id).map(m -> !m.has(Source.MDNS)).orElse(true)) {
					try {
						TimeUnit.NANOSECONDS.timedWait(lock, waitNanos);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw OnrampException.of(FailureReason.CANCELLED);
					}
				}
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private OnrampException timedOut(DeviceId id, Duration timeout, Set<InetSocketAddress> tried) {
		String name = id.value();
		String interfaces = String.join(", ", mdns.interfaceNames()); //$NON-NLS-1$
		String message = name + " did not come online within " + timeout.toSeconds() + " s" //$NON-NLS-1$ //$NON-NLS-2$
				+ (interfaces.isEmpty() ? "" : " (watching mDNS on " + interfaces + ")") + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		String hint;
		if (tried.isEmpty()) {
			hint = "Check that the device joined the Wi-Fi network and that this computer is on the same network;" //$NON-NLS-1$
					+ " if you know the device's IP address, use it instead of its .local name."; //$NON-NLS-1$
		} else {
			hint = "Try the device's IP address: " + tried.stream().map(DeviceRegistry::url) //$NON-NLS-1$
					.collect(Collectors.joining(", ")) //$NON-NLS-1$
					+ " (it did not answer there either: check that the device is powered and on this network)."; //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.TIMEOUT, message, hint);
	}

	private static String url(InetSocketAddress address) {
		String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
		return switch (address.getPort()) {
		case 443 -> "https://" + host + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		case 80 -> "http://" + host + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		default -> host + ":" + address.getPort(); //$NON-NLS-1$
		};
	}

	private Device markOnline(DeviceId id, InetSocketAddress answered) {
		synchronized (lock) {
			Optional<Merged> known = find(id);
			if (known.isPresent()) {
				memoryKeys(known.get().device()).forEach(key -> remembered.put(key, DeviceState.ONLINE));
				remembered.put(idKey(id), DeviceState.ONLINE);
			} else {
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
				remembered.put(idKey(id), DeviceState.ONLINE);
			}
			update();
			return find(id).map(Merged::device).orElseThrow();
		}
	}

	/** @return IP addresses the device had or was registered with, to probe when mDNS does not show it */
	private Set<InetSocketAddress> knownAddresses(DeviceId id) {
		Set<InetSocketAddress> addresses = new LinkedHashSet<>();
		Set<String> keys = new LinkedHashSet<>();
		keys.add(idKey(id));
		find(id).ifPresent(m -> {
			keys.addAll(memoryKeys(m.device()));
			m.device().endpoints().forEach(e -> ReachabilityProbe.ipAddressOf(e).ifPresent(addresses::add));
		});
		keys.forEach(key -> addresses.addAll(lastKnownAddresses.getOrDefault(key, Set.of())));
		return addresses;
	}

	private static String idKey(DeviceId id) {
		return switch (id.scheme()) {
		case MAC -> "mac:" + id.value(); //$NON-NLS-1$
		case HOSTNAME -> "host:" + id.value(); //$NON-NLS-1$
		case ENDPOINT -> "endpoint:" + id.value(); //$NON-NLS-1$
		};
	}

	private static List<String> memoryKeys(Device device) {
		List<String> keys = new ArrayList<>();
		device.mac().ifPresent(mac -> keys.add("mac:" + mac)); //$NON-NLS-1$
		device.hostname().ifPresent(host -> keys.add("host:" + host)); //$NON-NLS-1$
		return keys;
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
		merged = DeviceMerger.merge(contributions, this::stateOf);
		Map<DeviceId, Device> next = new LinkedHashMap<>();
		merged.forEach(m -> next.put(m.device().id(), m.device()));
		Map<DeviceId, Device> previous = current;
		current = next;
		lock.notifyAll();
		publish(previous, next);
	}

	private DeviceState stateOf(List<Contribution> group) {
		if (group.stream().anyMatch(c -> c.source() == Source.MDNS)) {
			return DeviceState.ONLINE;
		}
		for (Contribution contribution : group) {
			for (String key : memoryKeys(contribution.device())) {
				DeviceState state = remembered.get(key);
				if (state != null) {
					return state;
				}
			}
			if (contribution.source() == Source.MANUAL) {
				DeviceState state = remembered.get(idKey(contribution.device().id()));
				if (state != null) {
					return state;
				}
			}
		}
		return group.stream().filter(c -> c.source() == Source.MANUAL || c.source() == Source.INVENTORY)
				.map(c -> c.device().state()).findFirst().orElse(DeviceState.DETECTED);
	}

	private void publish(Map<DeviceId, Device> previous, Map<DeviceId, Device> next) {
		if (listeners.isEmpty() || events.isShutdown()) {
			return;
		}
		List<Runnable> notifications = new ArrayList<>();
		previous.forEach((id, device) -> {
			if (!next.containsKey(id)) {
				notifications.add(() -> listeners.forEach(l -> l.deviceRemoved(device)));
			}
		});
		next.forEach((id, device) -> {
			Device before = previous.get(id);
			if (before == null) {
				notifications.add(() -> listeners.forEach(l -> l.deviceAdded(device)));
			} else if (!before.equals(device)) {
				notifications.add(() -> listeners.forEach(l -> l.deviceChanged(before, device)));
			}
		});
		if (!notifications.isEmpty()) {
			events.execute(() -> notifications.forEach(Runnable::run));
		}
	}

	@Override
	public void addListener(IDeviceRegistryListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(IDeviceRegistryListener listener) {
		listeners.remove(listener);
	}
}
