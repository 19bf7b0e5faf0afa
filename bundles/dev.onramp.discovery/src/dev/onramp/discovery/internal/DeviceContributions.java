/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Hostnames;
import dev.onramp.core.MacAddress;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * What a serial port or a host's mDNS services say about a device: a serial port is a device of unknown kind with a
 * SERIAL endpoint; the services one host announces are one device with {@code WEB} endpoints
 * ({@code https://host.local/}), one {@code MDNS_SERVICE} endpoint per service, and the MAC address of TXT
 * {@code mac=} when there is one.
 */
final class DeviceContributions {

	private DeviceContributions() {
	}

	static String groupKey(DiscoveredService service) {
		return validHostname(service.hostname()).map(h -> "host:" + h) //$NON-NLS-1$
				.orElse("instance:" + service.instanceName() + '.' + service.serviceType()); //$NON-NLS-1$
	}

	static Optional<String> validHostname(String hostname) {
		return hostname != null && Hostnames.isValidDeviceHostname(hostname)
				? Optional.of(Hostnames.withoutLocalSuffix(hostname))
				: Optional.empty();
	}

	static Device fromSerial(SerialPortInfo port) {
		Device.Builder builder = Device.builder(DeviceKind.UNKNOWN).endpoint(EndpointKind.SERIAL, port.systemPath());
		port.usb().ifPresent(builder::usb);
		return builder.build();
	}

	/** A device Onramp blessed: known by the host name on its certificate, reachable at https://host.local/. */
	static Device fromInventory(InventoryEntry entry) {
		String hostname = Hostnames.withoutLocalSuffix(entry.hostname());
		DeviceKind kind = hostname.startsWith("pydirect-") ? DeviceKind.PYDIRECT : DeviceKind.NETWORK; //$NON-NLS-1$
		return Device.builder(kind).hostname(hostname).state(DeviceState.OFFLINE)
				.endpoint(EndpointKind.WEB, url("https", Hostnames.toLocal(hostname), 443, 443)).build(); //$NON-NLS-1$
	}

	/** @param group the services one host announces */
	static Device fromMdns(List<DiscoveredService> group) {
		Optional<String> hostname = validHostname(group.get(0).hostname());
		boolean pyDirect = hostname.map(h -> h.startsWith("pydirect-")).orElse(false); //$NON-NLS-1$
		Device.Builder builder = Device.builder(pyDirect ? DeviceKind.PYDIRECT : DeviceKind.NETWORK)
				.state(DeviceState.ONLINE);
		hostname.ifPresent(builder::hostname);
		builder.name(group.stream().filter(s -> s.serviceType().equals("_https._tcp")).findFirst() //$NON-NLS-1$
				.orElse(group.get(0)).instanceName());
		for (DiscoveredService service : group) {
			macOf(service).ifPresent(builder::mac);
			String host = hostname.map(Hostnames::toLocal).orElseGet(() -> service.addresses().stream().findFirst()
					.map(InetAddress::getHostAddress).orElse(null));
			if (host != null && service.serviceType().equals("_https._tcp")) { //$NON-NLS-1$
				builder.endpoint(EndpointKind.WEB, url("https", host, service.port(), 443)); //$NON-NLS-1$
			} else if (host != null && service.serviceType().equals("_http._tcp")) { //$NON-NLS-1$
				builder.endpoint(EndpointKind.WEB, url("http", host, service.port(), 80)); //$NON-NLS-1$
			}
		}
		for (DiscoveredService service : group) {
			builder.endpoint(new Endpoint(EndpointKind.MDNS_SERVICE,
					service.instanceName() + '.' + service.serviceType() + ".local.")); //$NON-NLS-1$
		}
		return builder.build();
	}

	private static String url(String scheme, String host, int port, int defaultPort) {
		return scheme + "://" + host + (port == defaultPort ? "" : ":" + port) + "/"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	private static Optional<MacAddress> macOf(DiscoveredService service) {
		String text = service.txt().get("mac"); //$NON-NLS-1$
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(MacAddress.parse(text));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
