/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.Endpoint;
import dev.onramp.core.MacAddress;

/**
 * The merge rules of the device registry. What each source knows about a device is a {@link Contribution};
 * contributions belong to the same device when they share the MAC address, the host name or an endpoint (for
 * example the serial port a registered device was identified on) and their MAC addresses do not contradict each
 * other. Two different MAC addresses are always two devices, whatever else they share.
 */
public final class DeviceMerger {

	/** Where a contribution comes from, in the order its names and host names win. */
	public enum Source {
		MANUAL, MDNS, SERIAL, INVENTORY
	}

	/** What one source knows about one device. */
	public record Contribution(Source source, String key, Device device) {
		public Contribution {
			Objects.requireNonNull(source);
			Objects.requireNonNull(key);
			Objects.requireNonNull(device);
		}
	}

	/** The contributions merged into one device, and that device. */
	public record Merged(Device device, List<Contribution> contributions) {

		public boolean has(Source source) {
			return contributions.stream().anyMatch(c -> c.source() == source);
		}
	}

	/** The more specific a kind, the earlier: a pyDirect board seen as a plain network device is still pyDirect. */
	private static final List<DeviceKind> SPECIFICITY = List.of(DeviceKind.PYDIRECT, DeviceKind.ESP_IDF_PROVISIONING,
			DeviceKind.IMPROV, DeviceKind.ESP_IDF_CONSOLE, DeviceKind.MICROPYTHON, DeviceKind.NETWORK,
			DeviceKind.UNKNOWN);

	private DeviceMerger() {
	}

	/**
	 * @param state decides the merged device's state from its contributions
	 * @return one merged device per group of related contributions, in a stable order
	 */
	public static List<Merged> merge(List<Contribution> contributions, Function<List<Contribution>, DeviceState> state) {
		List<Contribution> ordered = new ArrayList<>(contributions);
		// MAC-bearing contributions first, so every MAC forms its group before weaker links are considered
		ordered.sort(Comparator.comparing((Contribution c) -> c.device().mac().isEmpty())
				.thenComparing(Contribution::source).thenComparing(Contribution::key));
		List<List<Contribution>> groups = new ArrayList<>();
		for (Contribution contribution : ordered) {
			List<Contribution> target = null;
			for (var iterator = groups.iterator(); iterator.hasNext();) {
				List<Contribution> group = iterator.next();
				if (!linked(group, contribution)) {
					continue;
				}
				if (target == null) {
					target = group;
				} else if (compatible(mac(target), mac(group))) {
					target.addAll(group);
					iterator.remove();
				}
			}
			if (target == null) {
				target = new ArrayList<>();
				groups.add(target);
			}
			target.add(contribution);
		}
		List<Merged> result = new ArrayList<>();
		for (List<Contribution> group : groups) {
			group.sort(Comparator.comparing(Contribution::source).thenComparing(Contribution::key));
			result.add(new Merged(combine(group, state.apply(group)), List.copyOf(group)));
		}
		result.sort(Comparator.comparing((Merged m) -> m.device().displayName()).thenComparing(m -> m.device().id().toString()));
		return result;
	}

	private static boolean linked(List<Contribution> group, Contribution contribution) {
		Device device = contribution.device();
		if (!compatible(mac(group), device.mac())) {
			return false;
		}
		for (Contribution member : group) {
			Device other = member.device();
			if (device.mac().isPresent() && device.mac().equals(other.mac())) {
				return true;
			}
			if (device.hostname().isPresent() && device.hostname().equals(other.hostname())) {
				return true;
			}
			for (Endpoint endpoint : device.endpoints()) {
				if (other.endpoints().contains(endpoint)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean compatible(Optional<MacAddress> a, Optional<MacAddress> b) {
		return a.isEmpty() || b.isEmpty() || a.equals(b);
	}

	private static Optional<MacAddress> mac(List<Contribution> group) {
		return group.stream().map(c -> c.device().mac()).flatMap(Optional::stream).findFirst();
	}

	private static Device combine(List<Contribution> group, DeviceState state) {
		DeviceKind kind = group.stream().map(c -> c.device().kind())
				.min(Comparator.comparingInt(SPECIFICITY::indexOf)).orElse(DeviceKind.UNKNOWN);
		Device.Builder builder = Device.builder(kind).state(state);
		group.stream().map(c -> c.device().name()).flatMap(Optional::stream).findFirst().ifPresent(builder::name);
		group.stream().map(c -> c.device().hostname()).flatMap(Optional::stream).findFirst()
				.ifPresent(builder::hostname);
		mac(group).ifPresent(builder::mac);
		group.stream().map(c -> c.device().usb()).flatMap(Optional::stream).findFirst().ifPresent(builder::usb);
		group.forEach(c -> c.device().endpoints().forEach(builder::endpoint));
		return builder.build();
	}
}
