/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.Adapters;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Hostnames;

/**
 * What a device can do, decided from what the Device Explorer knows about it (its kind and endpoints), without any
 * I/O: the property testers, the handlers and the Connect Device chooser all ask here, so they always agree.
 */
public final class DeviceCapabilities {

	private static final Set<DeviceKind> WIFI_OVER_USB = Set.of(DeviceKind.IMPROV, DeviceKind.MICROPYTHON,
			DeviceKind.PYDIRECT);
	private static final Set<DeviceKind> BLESSABLE = Set.of(DeviceKind.PYDIRECT, DeviceKind.MICROPYTHON);
	private static final String HTTPS = "https://"; //$NON-NLS-1$

	private DeviceCapabilities() {
	}

	/** @return the device a selected element stands for (a {@link Device} or a row that adapts to one), or null */
	public static Device device(Object element) {
		return element == null ? null : Adapters.adapt(element, Device.class);
	}

	/** Improv serial, or the MicroPython REPL (MicroPython and pyDirect), on a serial port. */
	public static boolean canChangeWifi(Device device) {
		return WIFI_OVER_USB.contains(device.kind()) && serialPort(device).isPresent();
	}

	/** The blessing talks to the board's REPL: pyDirect or MicroPython on a serial port. */
	public static boolean canReprovision(Device device) {
		return BLESSABLE.contains(device.kind()) && serialPort(device).isPresent();
	}

	/** ESP-IDF unified provisioning at a known {@code HOST:PORT}. */
	public static boolean canProvision(Device device) {
		return device.kind() == DeviceKind.ESP_IDF_PROVISIONING
				&& device.endpoint(EndpointKind.PROVISIONING_HTTP).isPresent();
	}

	/** A web interface: one announced or recorded, or the one at {@code <hostname>.local}. */
	public static boolean hasWebPage(Device device) {
		return webPage(device).isPresent();
	}

	/**
	 * A device that serves HTTPS: an {@code https} web endpoint, which the registry gives devices announced over
	 * mDNS with {@code _https._tcp} and devices Onramp blessed (from the certificate inventory, by host name).
	 */
	public static boolean canVerify(Device device) {
		return httpsUrl(device).isPresent();
	}

	/** @return whether the Connect Device chooser has at least one scenario for the device */
	public static boolean canConnect(Device device) {
		return canChangeWifi(device) || canReprovision(device) || canProvision(device) || canVerify(device);
	}

	/**
	 * @return the key of the device's scheduling rule and console: its serial port, else its host name, else its
	 *         provisioning {@code HOST:PORT}, else its first endpoint
	 */
	public static String key(Device device) {
		return serialPort(device).or(device::hostname)
				.or(() -> device.endpoint(EndpointKind.PROVISIONING_HTTP).map(Endpoint::address))
				.orElseGet(() -> device.endpoints().isEmpty() ? device.displayName()
						: device.endpoints().get(0).address());
	}

	/** @return what the device's console and dialogs call it: {@code Improv device (/dev/ttyUSB0)} */
	public static String title(Device device) {
		String key = key(device);
		String name = device.displayName();
		return name.equals(key) ? name : name + " (" + key + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	public static Optional<String> serialPort(Device device) {
		return device.endpoint(EndpointKind.SERIAL).map(Endpoint::address);
	}

	/** @return the device's web page: an https endpoint first, any web endpoint next, else https://host.local/ */
	public static Optional<String> webPage(Device device) {
		return httpsUrl(device).or(() -> device.endpoint(EndpointKind.WEB).map(Endpoint::address))
				.or(() -> device.hostname().map(h -> HTTPS + Hostnames.toLocal(h) + '/'));
	}

	/** @return the URL whose certificate Verify Certificate checks */
	public static Optional<String> httpsUrl(Device device) {
		return device.endpoints().stream().filter(e -> e.kind() == EndpointKind.WEB)
				.map(Endpoint::address).filter(a -> a.regionMatches(true, 0, HTTPS, 0, HTTPS.length())).findFirst();
	}
}
