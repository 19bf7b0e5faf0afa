/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A device with its identity, as Onramp knows it at one moment: immutable, so a view or a report never sees it
 * half-updated. Use {@link #toBuilder()} to derive a changed copy.
 */
public final class Device {

	private final DeviceKind kind;
	private final String name;
	private final String hostname;
	private final MacAddress mac;
	private final UsbIdentity usb;
	private final List<Endpoint> endpoints;
	private final DeviceState state;

	private Device(Builder builder) {
		this.kind = builder.kind;
		this.name = builder.name;
		this.hostname = builder.hostname;
		this.mac = builder.mac;
		this.usb = builder.usb;
		this.endpoints = List.copyOf(builder.endpoints);
		this.state = builder.state;
	}

	public static Builder builder(DeviceKind kind) {
		return new Builder(kind);
	}

	public Builder toBuilder() {
		Builder builder = new Builder(kind).state(state).usb(usb).mac(mac).name(name);
		builder.hostname = hostname;
		builder.endpoints.addAll(endpoints);
		return builder;
	}

	/**
	 * @return the key the registry merges under: the MAC address when known, else the host name, else the first
	 *         endpoint
	 */
	public DeviceId id() {
		if (mac != null) {
			return DeviceId.of(mac);
		}
		if (hostname != null) {
			return DeviceId.ofHostname(hostname);
		}
		return DeviceId.of(endpoints.get(0));
	}

	public DeviceKind kind() {
		return kind;
	}

	/** @return what to call the device in lists: its given name, else its host name, else its first endpoint */
	public String displayName() {
		if (name != null) {
			return name;
		}
		if (hostname != null) {
			return hostname;
		}
		return endpoints.get(0).address();
	}

	public Optional<String> name() {
		return Optional.ofNullable(name);
	}

	/** @return the mDNS host name without {@code .local}, for example {@code pydirect-e5f6} */
	public Optional<String> hostname() {
		return Optional.ofNullable(hostname);
	}

	public Optional<MacAddress> mac() {
		return Optional.ofNullable(mac);
	}

	public Optional<UsbIdentity> usb() {
		return Optional.ofNullable(usb);
	}

	public List<Endpoint> endpoints() {
		return endpoints;
	}

	public Optional<Endpoint> endpoint(EndpointKind endpointKind) {
		return endpoints.stream().filter(e -> e.kind() == endpointKind).findFirst();
	}

	public DeviceState state() {
		return state;
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof Device other && kind == other.kind && state == other.state
				&& Objects.equals(name, other.name) && Objects.equals(hostname, other.hostname)
				&& Objects.equals(mac, other.mac) && Objects.equals(usb, other.usb)
				&& endpoints.equals(other.endpoints);
	}

	@Override
	public int hashCode() {
		return Objects.hash(kind, name, hostname, mac, usb, endpoints, state);
	}

	@Override
	public String toString() {
		return "Device[" + id() + ", " + kind + ", " + state + ", " + endpoints + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
	}

	/** Collects a device's identity; at least one of MAC, host name or endpoint is required. */
	public static final class Builder {
		private final DeviceKind kind;
		private String name;
		private String hostname;
		private MacAddress mac;
		private UsbIdentity usb;
		private final Set<Endpoint> endpoints = new LinkedHashSet<>();
		private DeviceState state = DeviceState.DETECTED;

		private Builder(DeviceKind kind) {
			this.kind = Objects.requireNonNull(kind);
		}

		public Builder name(String newName) {
			this.name = newName == null || newName.isBlank() ? null : newName.trim();
			return this;
		}

		/**
		 * @param newHostname an mDNS host name, with or without {@code .local}
		 * @throws IllegalArgumentException if it is not a valid single DNS label
		 */
		public Builder hostname(String newHostname) {
			if (newHostname == null) {
				this.hostname = null;
			} else if (Hostnames.isValidDeviceHostname(newHostname)) {
				this.hostname = Hostnames.withoutLocalSuffix(newHostname);
			} else {
				throw new IllegalArgumentException("Not a valid device host name: '" + newHostname + "'"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return this;
		}

		/** Sets the MAC address and, when no host name is set yet, the pyDirect host name derived from it. */
		public Builder macWithDerivedHostname(MacAddress newMac) {
			mac(newMac);
			if (hostname == null && newMac != null) {
				hostname = newMac.pyDirectHostname();
			}
			return this;
		}

		public Builder mac(MacAddress newMac) {
			this.mac = newMac;
			return this;
		}

		public Builder usb(UsbIdentity newUsb) {
			this.usb = newUsb;
			return this;
		}

		public Builder endpoint(Endpoint endpoint) {
			endpoints.add(Objects.requireNonNull(endpoint));
			return this;
		}

		public Builder endpoint(EndpointKind endpointKind, String address) {
			return endpoint(new Endpoint(endpointKind, address));
		}

		public Builder state(DeviceState newState) {
			this.state = Objects.requireNonNull(newState);
			return this;
		}

		public Device build() {
			if (mac == null && hostname == null && endpoints.isEmpty()) {
				throw new IllegalStateException("A device needs a MAC address, a host name or an endpoint"); //$NON-NLS-1$
			}
			return new Device(this);
		}
	}
}
