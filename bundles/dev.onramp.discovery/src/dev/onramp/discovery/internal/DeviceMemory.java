/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.DeviceState;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.discovery.internal.DeviceMerger.Contribution;
import dev.onramp.discovery.internal.DeviceMerger.Source;

/**
 * What the device registry remembers beyond what its sources show now, by MAC address, host name and registered
 * id: the state a device was last seen in ({@link DeviceState#OFFLINE} once its mDNS records went away,
 * {@link DeviceState#ONLINE} once it answered a probe) and the addresses mDNS gave it, which
 * {@link DeviceRegistry#awaitOnline} tries after a reset. Not thread-safe: the registry uses it under its lock.
 */
final class DeviceMemory {

	private final Map<String, DeviceState> remembered = new HashMap<>();
	private final Map<String, Set<InetSocketAddress>> lastKnownAddresses = new HashMap<>();

	/** mDNS resolved a service: its device is no longer remembered as away, and it had the service's addresses. */
	void resolved(DiscoveredService service) {
		Device device = DeviceContributions.fromMdns(List.of(service));
		for (String key : memoryKeys(device)) {
			remembered.remove(key);
			Set<InetSocketAddress> addresses = lastKnownAddresses.computeIfAbsent(key, k -> new LinkedHashSet<>());
			service.addresses().forEach(a -> addresses.add(new InetSocketAddress(a, service.port())));
		}
	}

	/** The last service of a device went away: it is {@link DeviceState#OFFLINE} until it is seen again. */
	void wentAway(DiscoveredService service) {
		Device device = DeviceContributions.fromMdns(List.of(service));
		memoryKeys(device).forEach(key -> remembered.put(key, DeviceState.OFFLINE));
	}

	/** A registration brings its own state: what was remembered about the device no longer counts. */
	void forget(Device device) {
		memoryKeys(device).forEach(remembered::remove);
		remembered.remove(idKey(device.id()));
	}

	/**
	 * The device answered a probe: it is {@link DeviceState#ONLINE}.
	 *
	 * @param known the device as the registry lists it, if it does
	 */
	void answered(DeviceId id, Optional<Device> known) {
		known.ifPresent(device -> memoryKeys(device).forEach(key -> remembered.put(key, DeviceState.ONLINE)));
		remembered.put(idKey(id), DeviceState.ONLINE);
	}

	/**
	 * @param known the device as the registry lists it, if it does
	 * @return IP addresses the device had or was registered with, to probe when mDNS does not show it
	 */
	Set<InetSocketAddress> knownAddresses(DeviceId id, Optional<Device> known) {
		Set<InetSocketAddress> addresses = new LinkedHashSet<>();
		Set<String> keys = new LinkedHashSet<>();
		keys.add(idKey(id));
		known.ifPresent(device -> {
			keys.addAll(memoryKeys(device));
			device.endpoints().forEach(e -> ReachabilityProbe.ipAddressOf(e).ifPresent(addresses::add));
		});
		keys.forEach(key -> addresses.addAll(lastKnownAddresses.getOrDefault(key, Set.of())));
		return addresses;
	}

	/**
	 * @return the state of the device merged from {@code group}: online while mDNS announces it, else what was
	 *         remembered, else the state it was registered or inventoried with
	 */
	DeviceState stateOf(List<Contribution> group) {
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
}
