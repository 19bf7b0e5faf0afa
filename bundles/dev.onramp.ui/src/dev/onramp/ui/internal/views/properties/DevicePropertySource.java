/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.properties;

import java.util.Optional;

import dev.onramp.core.Device;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Hostnames;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.ui.internal.views.ExplorerLabels;
import dev.onramp.ui.internal.views.model.DeviceRow;
import dev.onramp.ui.internal.views.model.Identification;

/** The Properties view of a device: what it is and runs, its USB identity, network identity and certificate. */
public final class DevicePropertySource extends ReadOnlyPropertySource {

	public DevicePropertySource(DeviceRow row) {
		Device device = row.device();
		Optional<PortIdentity> identity = row.identification().flatMap(Identification::identity);
		String general = Messages.Category_device;
		add(general, Messages.Property_name, ExplorerLabels.name(row));
		add(general, Messages.Property_runs, ExplorerLabels.kind(device.kind()));
		add(general, Messages.Property_state, ExplorerLabels.state(row));
		row.identification().filter(i -> i.status() == Identification.Status.FAILED)
				.ifPresent(failed -> add(general, Messages.Property_identificationHint, failed.hint()));
		add(general, Messages.Property_chip, identity.flatMap(PortIdentity::chip));
		add(general, Messages.Property_firmware, identity.flatMap(DevicePropertySource::firmware));
		identity.flatMap(PortIdentity::micropython).ifPresent(m -> add(general, Messages.Property_machine, m.machine()));

		String network = Messages.Category_network;
		add(network, Messages.Property_hostname, device.hostname().map(Hostnames::toLocal));
		add(network, Messages.Property_mac, device.mac().map(Object::toString));
		add(network, Messages.Property_ipAddress, device.endpoint(EndpointKind.PROVISIONING_HTTP)
				.map(e -> e.address()).or(() -> device.endpoint(EndpointKind.WEB).map(e -> e.address())
						.flatMap(DevicePropertySource::ipOfUrl)));
		add(network, Messages.Property_web, device.endpoint(EndpointKind.WEB).map(e -> e.address()));
		add(network, Messages.Property_provisioning, device.endpoint(EndpointKind.PROVISIONING_HTTP).map(e -> e.address()));
		add(network, Messages.Property_mdns, device.endpoint(EndpointKind.MDNS_SERVICE).map(e -> e.address()));

		String usb = Messages.Category_usb;
		add(usb, Messages.Property_port, device.endpoint(EndpointKind.SERIAL).map(e -> e.address()));
		add(usb, Messages.Property_stablePath, row.port().map(p -> p.stablePath()));
		device.usb().ifPresent(u -> {
			add(usb, Messages.Property_vidPid, u.vidPid());
			add(usb, Messages.Property_serialNumber, u.serialNumber());
			add(usb, Messages.Property_manufacturer, u.manufacturer());
			add(usb, Messages.Property_product, u.product());
			add(usb, Messages.Property_bridge, u.bridge().map(b -> b.chipName()));
		});
		row.certificate().ifPresent(entry -> CertificatePropertySource.addCertificate(this::add, entry));
	}

	/** @return firmware and version as the board says them: {@code micropython 1.24.1}, {@code pyDirect-improv 2.0} */
	private static Optional<String> firmware(PortIdentity identity) {
		return identity.micropython().map(m -> m.implementation() + ' ' + m.version())
				.or(() -> identity.improv().flatMap(i -> i.firmware().map(f -> f + i.version().map(v -> " " + v).orElse("")))) //$NON-NLS-1$ //$NON-NLS-2$
				.or(() -> identity.console().map(c -> c.project().orElse("ESP-IDF") //$NON-NLS-1$
						+ c.appVersion().map(v -> " " + v).orElse("") //$NON-NLS-1$ //$NON-NLS-2$
						+ c.idfVersion().map(v -> " (ESP-IDF " + v + ")").orElse(""))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** @return the host of an {@code http(s)://} URL when it is an IP address (no name is looked up) */
	private static Optional<String> ipOfUrl(String url) {
		String rest = url.replaceFirst("^https?://", ""); //$NON-NLS-1$ //$NON-NLS-2$
		String host = rest.split("[/:]", 2)[0]; //$NON-NLS-1$
		return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? Optional.of(host) : Optional.empty(); //$NON-NLS-1$
	}
}
