/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.mdns;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

import org.eclipse.core.runtime.ILog;

import dev.onramp.core.MacAddress;

/**
 * Announces a simulated device over multicast DNS the way pyDirect firmware does: host {@code pydirect-xxxx.local},
 * an {@code _https._tcp} service on the device's web port, and a TXT record with its MAC address. Bound to one
 * interface address only (127.0.0.1 in tests and the demo), so nothing is sent on the machine's real networks.
 * {@link #close()} says goodbye, as a device that resets does.
 * <p>
 * JmDNS probes the host name for about three seconds before the first announcement (it probes at one-second
 * intervals until the instance itself is announced); services added later are announced within about a second.
 */
public final class SimulatedMdnsAnnouncer implements AutoCloseable {

	/** One DNS label; mDNS names compare without case, and pyDirect's shipped prefix is {@code pyDirect}. */
	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"); //$NON-NLS-1$
	private static final String LOCAL = ".local"; //$NON-NLS-1$

	private final JmDNS jmdns;
	private final String hostname;

	private SimulatedMdnsAnnouncer(JmDNS jmdns, String hostname) {
		this.jmdns = jmdns;
		this.hostname = hostname;
	}

	/**
	 * Starts answering for {@code <hostname>.local} on the interface that has {@code bindAddress}.
	 *
	 * @param hostname for example {@code pydirect-e5f6}, with or without {@code .local}
	 */
	public static SimulatedMdnsAnnouncer open(InetAddress bindAddress, String hostname) throws IOException {
		Objects.requireNonNull(bindAddress);
		String name = hostname.toLowerCase(Locale.ROOT).endsWith(LOCAL)
				? hostname.substring(0, hostname.length() - LOCAL.length())
				: hostname;
		if (!LABEL.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a valid device host name: " + hostname); //$NON-NLS-1$
		}
		return new SimulatedMdnsAnnouncer(JmDNS.create(bindAddress, name), name);
	}

	/**
	 * Announces a pyDirect board: host {@code pydirect-xxxx} from the MAC address (the name the web installer stores
	 * in {@code device.hostname}), {@code _https._tcp} on the port, TXT {@code mac=}.
	 */
	public static SimulatedMdnsAnnouncer pyDirect(InetAddress bindAddress, MacAddress mac, int httpsPort)
			throws IOException {
		byte[] octets = mac.octets();
		String suffix = HexFormat.of().formatHex(octets, octets.length - 2, octets.length);
		SimulatedMdnsAnnouncer announcer = open(bindAddress, "pydirect-" + suffix); //$NON-NLS-1$
		try {
			announcer.announce("_https._tcp", "pyDirect " + suffix, //$NON-NLS-1$ //$NON-NLS-2$
					httpsPort, Map.of("mac", mac.toString())); //$NON-NLS-1$
		} catch (IOException | RuntimeException e) {
			announcer.close();
			throw e;
		}
		return announcer;
	}

	/**
	 * Registers a service; JmDNS probes and then announces it in the background.
	 *
	 * @param serviceType for example {@code _https._tcp}
	 */
	public void announce(String serviceType, String instanceName, int port, Map<String, String> txt)
			throws IOException {
		ServiceInfo info = ServiceInfo.create(serviceType + ".local.", instanceName, port, 0, 0, //$NON-NLS-1$
				new LinkedHashMap<>(txt));
		jmdns.registerService(info);
	}

	/** @return the host name without {@code .local} */
	public String hostname() {
		return hostname;
	}

	/** Says goodbye (TTL 0 records) for every service and the host, then stops answering. */
	@Override
	public void close() {
		try {
			jmdns.close(); // unregisters every service first: the goodbyes
		} catch (IOException e) {
			ILog.of(SimulatedMdnsAnnouncer.class).warn("Closing the simulated mDNS announcer failed: " + e.getMessage()); //$NON-NLS-1$
		}
	}
}
