/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated pyDirect device's network side: the Wi-Fi networks in its range, whether it joined one at power-on,
 * the HTTPS port it serves on 127.0.0.1 (standing for the firmware's fixed 443), and whether it announces itself over
 * mDNS (on 127.0.0.1).
 *
 * @param knownNetworks networks in range that the station can join, SSID to password
 * @param joinedAtPowerOn the network a pyDirect board's {@code /settings/user_settings.json} holds at power-on (must be
 *                      a known network), if any: written there as the web installer leaves a board it set up
 * @param httpsPort     the web server's port on 127.0.0.1; 0 picks an ephemeral port once, kept across resets
 * @param announceMdns  announce {@code <hostname>.local} and {@code _https._tcp} over mDNS while serving
 * @param joinDelay     how long joining a network takes (association, DHCP)
 * @param scanTime      how long a Wi-Fi scan takes ({@code WLAN.scan()} blocks meanwhile)
 */
public record SimulatedNetwork(Map<String, String> knownNetworks, Optional<String> joinedAtPowerOn, int httpsPort,
		boolean announceMdns, Duration joinDelay, Duration scanTime) {

	public SimulatedNetwork {
		knownNetworks = Collections.unmodifiableMap(new LinkedHashMap<>(knownNetworks));
		Objects.requireNonNull(joinedAtPowerOn);
		if (joinedAtPowerOn.isPresent() && !knownNetworks.containsKey(joinedAtPowerOn.get())) {
			throw new IllegalArgumentException("The network joined at power-on must be a known network"); //$NON-NLS-1$
		}
		if (httpsPort < 0 || httpsPort > 65535) {
			throw new IllegalArgumentException("Not a port: " + httpsPort); //$NON-NLS-1$
		}
		Objects.requireNonNull(joinDelay);
		Objects.requireNonNull(scanTime);
	}

	/** @return no networks in range, ephemeral HTTPS port, no mDNS */
	public static SimulatedNetwork isolated() {
		return new SimulatedNetwork(Map.of(), Optional.empty(), 0, false, Duration.ofMillis(100), Duration.ZERO);
	}

	/** @return this network environment with one more network in range */
	public SimulatedNetwork withKnownNetwork(String ssid, String password) {
		Map<String, String> networks = new LinkedHashMap<>(knownNetworks);
		networks.put(ssid, password);
		return new SimulatedNetwork(networks, joinedAtPowerOn, httpsPort, announceMdns, joinDelay, scanTime);
	}

	/**
	 * @return a device whose user settings already hold this network, HTTPS on and {@code device.hostname} (it was
	 *         given Wi-Fi by the web installer before, its setup done), which it joins
	 */
	public SimulatedNetwork joinedTo(String ssid, String password) {
		Map<String, String> networks = new LinkedHashMap<>(knownNetworks);
		networks.put(ssid, password);
		return new SimulatedNetwork(networks, Optional.of(ssid), httpsPort, announceMdns, joinDelay, scanTime);
	}

	public SimulatedNetwork withHttpsPort(int port) {
		return new SimulatedNetwork(knownNetworks, joinedAtPowerOn, port, announceMdns, joinDelay, scanTime);
	}

	public SimulatedNetwork withMdns(boolean announce) {
		return new SimulatedNetwork(knownNetworks, joinedAtPowerOn, httpsPort, announce, joinDelay, scanTime);
	}

	public SimulatedNetwork withJoinDelay(Duration delay) {
		return new SimulatedNetwork(knownNetworks, joinedAtPowerOn, httpsPort, announceMdns, delay, scanTime);
	}

	/** @param time how long a Wi-Fi scan takes (an ESP32 scanning all channels takes about two seconds) */
	public SimulatedNetwork withScanTime(Duration time) {
		return new SimulatedNetwork(knownNetworks, joinedAtPowerOn, httpsPort, announceMdns, joinDelay, time);
	}
}
