/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;

import dev.onramp.core.MacAddress;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.WebFault;
import dev.onramp.simulator.mdns.SimulatedMdnsAnnouncer;

/**
 * The network side of a simulated pyDirect device, which outlives serial connections: its Wi-Fi station (scan,
 * connect with a join delay and an outcome, status codes as MicroPython's ESP32 port reports them) and, once it is on
 * a network with HTTPS enabled and certificate files in {@code /certs}, its web server on 127.0.0.1 and its mDNS
 * announcement. {@code machine.reset()} takes all of it down at once; it comes back after the reboot and join delays,
 * reading the settings and files anew.
 */
public final class DeviceNetwork implements AutoCloseable {

	/** MicroPython ESP32 port: {@code network.STAT_*}. */
	public static final long STAT_IDLE = 1000;
	public static final long STAT_CONNECTING = 1001;
	public static final long STAT_GOT_IP = 1010;
	public static final long STAT_NO_AP_FOUND = 201;
	public static final long STAT_WRONG_PASSWORD = 202;

	static final String CERT_FILE = "certs/servercert.pem"; //$NON-NLS-1$
	static final String KEY_FILE = "certs/prvtkey.pem"; //$NON-NLS-1$

	private final Path root;
	private final MacAddress mac;
	private final SimulatedNetwork environment;
	private final Map<String, Object> settings;
	private final long rebootDelayNanos;
	private final int httpsPort;
	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "simulated-pydirect-network"); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});

	// guarded by this
	private long generation;
	private String stationSsid;
	private long stationOutcome = STAT_IDLE;
	private long outcomeAtNanos;
	private PyDirectWebServer server;
	private SimulatedMdnsAnnouncer announcer;
	private byte[][] loadedKeyMaterial;
	private WebFault webFault = WebFault.NONE;
	private boolean closed;

	public DeviceNetwork(Path root, MacAddress mac, SimulatedNetwork environment, Map<String, Object> settings,
			long rebootDelayNanos) {
		this.root = root;
		this.mac = mac;
		this.environment = Objects.requireNonNull(environment);
		this.settings = settings;
		this.rebootDelayNanos = rebootDelayNanos;
		this.httpsPort = environment.httpsPort() != 0 ? environment.httpsPort() : ephemeralPort();
		settings.put("server.https_port", Long.valueOf(httpsPort)); //$NON-NLS-1$
		environment.joinedAtPowerOn().ifPresent(ssid -> {
			settings.put("wifi.ssid", ssid); //$NON-NLS-1$
			settings.put("wifi.password", environment.knownNetworks().get(ssid)); //$NON-NLS-1$
		});
	}

	private static int ephemeralPort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		} catch (IOException e) {
			throw new IllegalStateException("No free port on 127.0.0.1", e); //$NON-NLS-1$
		}
	}

	/** @return the port the web server uses on 127.0.0.1 (fixed for the device's life) */
	public int httpsPort() {
		return httpsPort;
	}

	/** @return the port while the web server is up */
	public synchronized OptionalInt servingPort() {
		return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
	}

	public synchronized void setWebFault(WebFault fault) {
		webFault = Objects.requireNonNull(fault);
	}

	/** The device powers up: it joins its stored network and serves what it has. */
	public void powerOn() {
		long bootGeneration;
		synchronized (this) {
			bootGeneration = ++generation;
		}
		// the board was on its network before anyone looked at it
		if (storedNetworkIsKnown()) {
			joinedAfterBoot(bootGeneration, String.valueOf(settings.get("wifi.ssid")), false); //$NON-NLS-1$
		}
	}

	private boolean storedNetworkIsKnown() {
		String ssid = String.valueOf(settings.getOrDefault("wifi.ssid", "")); //$NON-NLS-1$ //$NON-NLS-2$
		String password = String.valueOf(settings.getOrDefault("wifi.password", "")); //$NON-NLS-1$ //$NON-NLS-2$
		return !ssid.isEmpty() && password.equals(environment.knownNetworks().get(ssid));
	}

	/** {@code machine.reset()}: everything network goes down now and comes back after the reboot. */
	public void reset() {
		stopServices();
		reboot(rebootDelayNanos);
	}

	private void reboot(long delayNanos) {
		long bootGeneration;
		synchronized (this) {
			if (closed) {
				return;
			}
			bootGeneration = ++generation;
			stationSsid = null;
			stationOutcome = STAT_IDLE;
		}
		if (!storedNetworkIsKnown()) {
			return;
		}
		String ssid = String.valueOf(settings.get("wifi.ssid")); //$NON-NLS-1$
		scheduler.schedule(() -> joinedAfterBoot(bootGeneration, ssid, true),
				delayNanos + environment.joinDelay().toNanos(), TimeUnit.NANOSECONDS);
	}

	private void joinedAfterBoot(long bootGeneration, String ssid, boolean afterReset) {
		synchronized (this) {
			if (closed || bootGeneration != generation || (afterReset && webFault == WebFault.NEVER_COMES_BACK)) {
				return;
			}
			stationSsid = ssid;
			stationOutcome = STAT_GOT_IP;
			outcomeAtNanos = System.nanoTime();
		}
		startServices(bootGeneration);
	}

	private void startServices(long bootGeneration) {
		if (!Boolean.TRUE.equals(settings.get("server.https_enabled"))) { //$NON-NLS-1$
			return;
		}
		String hostname = String.valueOf(settings.get("device.hostname")); //$NON-NLS-1$
		try {
			byte[][] material;
			synchronized (this) {
				material = webFault == WebFault.SERVES_STALE_CERTIFICATE && loadedKeyMaterial != null
						? loadedKeyMaterial
						: readKeyMaterial();
			}
			if (material == null) {
				return;
			}
			PyDirectWebServer started = PyDirectWebServer.start(material[0], material[1], httpsPort, hostname);
			synchronized (this) {
				if (closed || bootGeneration != generation) {
					started.close();
					return;
				}
				server = started;
				loadedKeyMaterial = material;
			}
		} catch (IOException | GeneralSecurityException e) {
			ILog.of(getClass()).warn("The simulated pyDirect web server did not start: " + e.getMessage()); //$NON-NLS-1$
			return;
		}
		if (environment.announceMdns()) {
			announce(bootGeneration, hostname);
		}
	}

	private void announce(long bootGeneration, String hostname) {
		try {
			SimulatedMdnsAnnouncer started = SimulatedMdnsAnnouncer.open(InetAddress.getByName("127.0.0.1"), //$NON-NLS-1$
					hostname);
			started.announce("_https._tcp", "pyDirect " + hostname, httpsPort, Map.of("mac", mac.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			synchronized (this) {
				if (closed || bootGeneration != generation) {
					started.close();
					return;
				}
				announcer = started;
			}
		} catch (IOException | RuntimeException e) {
			ILog.of(getClass()).warn("The simulated pyDirect device could not announce itself: " + e.getMessage()); //$NON-NLS-1$
		}
	}

	private byte[][] readKeyMaterial() throws IOException {
		Path cert = root.resolve(CERT_FILE);
		Path key = root.resolve(KEY_FILE);
		if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
			return null;
		}
		return new byte[][] { Files.readAllBytes(cert), Files.readAllBytes(key) };
	}

	private void stopServices() {
		PyDirectWebServer oldServer;
		SimulatedMdnsAnnouncer oldAnnouncer;
		synchronized (this) {
			generation++;
			oldServer = server;
			oldAnnouncer = announcer;
			server = null;
			announcer = null;
			stationSsid = null;
			stationOutcome = STAT_IDLE;
		}
		if (oldServer != null) {
			oldServer.close();
		}
		if (oldAnnouncer != null) {
			// the goodbye takes JmDNS a second or two; neither a reset nor switching the device off waits for it
			Thread.ofPlatform().daemon().name("simulated mDNS goodbye").start(oldAnnouncer::close); //$NON-NLS-1$
		}
	}

	// the station, as network.WLAN(network.STA_IF) shows it

	/** @return {@code (ssid, bssid, channel, rssi, authmode, hidden)} for every network in range */
	synchronized List<Object[]> scan() {
		List<Object[]> result = new java.util.ArrayList<>();
		int i = 0;
		for (Map.Entry<String, String> network : environment.knownNetworks().entrySet()) {
			result.add(new Object[] { network.getKey(), Long.valueOf(1 + (i * 5) % 11), Long.valueOf(-42 - 7L * i),
					Long.valueOf(network.getValue().isEmpty() ? 0 : 3) });
			i++;
		}
		return result;
	}

	synchronized void connect(String ssid, String password) {
		String expected = environment.knownNetworks().get(ssid);
		stationSsid = ssid;
		stationOutcome = expected == null ? STAT_NO_AP_FOUND
				: expected.equals(password) ? STAT_GOT_IP : STAT_WRONG_PASSWORD;
		outcomeAtNanos = System.nanoTime() + environment.joinDelay().toNanos();
	}

	synchronized void disconnect() {
		stationSsid = null;
		stationOutcome = STAT_IDLE;
	}

	synchronized long status() {
		if (stationOutcome == STAT_IDLE) {
			return STAT_IDLE;
		}
		return System.nanoTime() - outcomeAtNanos >= 0 ? stationOutcome : STAT_CONNECTING;
	}

	synchronized boolean isConnected() {
		return status() == STAT_GOT_IP;
	}

	synchronized String connectedSsid() {
		return isConnected() ? stationSsid : ""; //$NON-NLS-1$
	}

	@Override
	public void close() {
		synchronized (this) {
			closed = true;
		}
		stopServices();
		scheduler.shutdown();
		try {
			if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
				scheduler.shutdownNow();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
