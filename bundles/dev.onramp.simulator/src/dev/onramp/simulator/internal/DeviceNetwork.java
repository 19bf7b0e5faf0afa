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
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
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
 * connect with a join delay and an outcome, status codes as MicroPython's ESP32 port reports them) and what main.py
 * serves after every boot. With {@code setup_mode} set it runs setup_server.py's behaviour ({@link SetupServer}): no
 * SSID clears the flag and the normal boot goes on; else it joins the stored network and serves the setup page over
 * HTTPS until a password is set, then soft-resets. The normal boot, once on a network with {@code server.https_enabled}
 * and the certificate files the settings name, serves its web server on 127.0.0.1 and announces it over mDNS.
 * {@code machine.reset()} takes all of it down at once; it comes back after the reboot and join delays, reading the
 * settings and files anew. What the scripts print goes to the {@link BootTranscript}.
 * <p>
 * The firmware's own mDNS records (names, TXT keys) were not compared with the published firmware: the announcement
 * keeps the simulator's earlier shape, host {@code <hostname>.local} and {@code _https._tcp} with a {@code mac} TXT.
 */
public final class DeviceNetwork implements AutoCloseable {

	/** MicroPython ESP32 port: {@code network.STAT_*}. */
	public static final long STAT_IDLE = 1000;
	public static final long STAT_CONNECTING = 1001;
	public static final long STAT_GOT_IP = 1010;
	public static final long STAT_NO_AP_FOUND = 201;
	public static final long STAT_WRONG_PASSWORD = 202;

	/** The station's address as {@code ifconfig()} reports it: the simulator serves on loopback. */
	static final String STATION_IP = "127.0.0.1"; //$NON-NLS-1$

	private final FlashFiles files;
	private final MacAddress mac;
	private final SimulatedNetwork environment;
	private final java.util.concurrent.atomic.AtomicInteger scans = new java.util.concurrent.atomic.AtomicInteger();
	private final Supplier<PyDirectSettings> settings;
	private final Runnable newBoot;
	private final boolean pyDirect;
	private final long rebootDelayNanos;
	private final int httpsPort;
	private final BootTranscript transcript = new BootTranscript();
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
	private boolean setupMode;
	private PyDirectWebServer server;
	private SimulatedMdnsAnnouncer announcer;
	private byte[][] loadedKeyMaterial;
	private WebFault webFault = WebFault.NONE;
	private boolean closed;

	/**
	 * @param settings the settings module of the current boot
	 * @param newBoot  starts a new settings module (a reset)
	 * @param pyDirect whether the image runs pyDirect's main.py (plain MicroPython serves nothing)
	 */
	public DeviceNetwork(Path root, MacAddress mac, SimulatedNetwork environment, Supplier<PyDirectSettings> settings,
			Runnable newBoot, boolean pyDirect, long rebootDelayNanos) {
		this.files = new FlashFiles(root);
		this.mac = mac;
		this.environment = Objects.requireNonNull(environment);
		this.settings = settings;
		this.newBoot = newBoot;
		this.pyDirect = pyDirect;
		this.rebootDelayNanos = rebootDelayNanos;
		this.httpsPort = environment.httpsPort() != 0 ? environment.httpsPort() : ephemeralPort();
	}

	private static int ephemeralPort() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		} catch (IOException e) {
			throw new IllegalStateException("No free port on 127.0.0.1", e); //$NON-NLS-1$
		}
	}

	/** @return the port the web server uses on 127.0.0.1 (fixed for the device's life; the firmware's 443) */
	public int httpsPort() {
		return httpsPort;
	}

	/** @return what main.py and the setup server printed, for the serial lines */
	public BootTranscript transcript() {
		return transcript;
	}

	/** @return the port while the web server is up */
	public synchronized OptionalInt servingPort() {
		return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
	}

	/** @return whether main.py runs the setup server in this boot (from the boot until a password is set) */
	public synchronized boolean inSetupMode() {
		return setupMode;
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
		transcript.newBoot(false);
		decideMainScript();
		// the board was on its network before anyone looked at it
		join(bootGeneration, 0);
	}

	/** {@code machine.reset()} or the RESET button: the network side goes down now and comes back after the reboot. */
	public void reset() {
		stopServices();
		newBoot.run();
		transcript.newBoot(false);
		reboot(rebootDelayNanos);
	}

	/** A soft reset that runs main.py again (Ctrl-D in the friendly REPL, {@code machine.soft_reset()}). */
	public void softReset() {
		stopServices();
		newBoot.run();
		transcript.newBoot(true);
		reboot(0);
	}

	/** Ctrl-C while the setup server runs: its KeyboardInterrupt ends main.py; nothing serves until a reset. */
	public void interruptSetupServer() {
		synchronized (this) {
			if (!setupMode) {
				return;
			}
		}
		stopServices();
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
		decideMainScript();
		join(bootGeneration, delayNanos + environment.joinDelay().toNanos());
	}

	private void decideMainScript() {
		boolean setup = pyDirect && PyDirectMain.setupModeAtBoot(settings.get(), transcript);
		synchronized (this) {
			setupMode = setup;
		}
	}

	private void join(long bootGeneration, long delayNanos) {
		if (!storedNetworkIsKnown()) {
			synchronized (this) {
				if (!setupMode) {
					return;
				}
			}
			scheduler.schedule(() -> setupFailed(bootGeneration, "[SETUP] ERROR: WiFi connection failed"), //$NON-NLS-1$
					delayNanos, TimeUnit.NANOSECONDS);
			return;
		}
		String ssid = PyValues.str(settings.get().get("wifi.ssid", PyValues.NONE)); //$NON-NLS-1$
		if (delayNanos == 0) {
			joinedAfterBoot(bootGeneration, ssid, false);
		} else {
			scheduler.schedule(() -> joinedAfterBoot(bootGeneration, ssid, true), delayNanos, TimeUnit.NANOSECONDS);
		}
	}

	private boolean storedNetworkIsKnown() {
		PyDirectSettings current = settings.get();
		Object ssid = current.get("wifi.ssid", ""); //$NON-NLS-1$ //$NON-NLS-2$
		Object password = current.get("wifi.password", ""); //$NON-NLS-1$ //$NON-NLS-2$
		return pyDirect && ssid instanceof String s && !s.isEmpty()
				&& PyValues.str(password).equals(environment.knownNetworks().get(s));
	}

	/** The setup server returned early: main.py goes on with the normal boot (which has no network either). */
	private void setupFailed(long bootGeneration, String message) {
		synchronized (this) {
			if (closed || bootGeneration != generation || !setupMode) {
				return;
			}
			setupMode = false;
		}
		transcript.print(message);
		transcript.print("[MAIN] Setup server returned, continuing to normal boot..."); //$NON-NLS-1$
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
		boolean setup;
		synchronized (this) {
			setup = setupMode;
		}
		if (setup) {
			startSetupServer(bootGeneration);
		} else {
			startServices(bootGeneration);
		}
	}

	private void startSetupServer(long bootGeneration) {
		PyDirectSettings current = settings.get();
		transcript.print("[SETUP] Connected! IP: " + STATION_IP); //$NON-NLS-1$
		// setup_server.py names the device by device.hostname, not by wifi.py's get_hostname()
		String hostname = PyValues.str(current.get("device.hostname", "pydirect")); //$NON-NLS-1$ //$NON-NLS-2$
		transcript.print("[SETUP] Starting HTTPS server..."); //$NON-NLS-1$
		SetupServer routes = new SetupServer(settings, hostname, STATION_IP, transcript::print, this::softReset);
		try {
			if (!serve(bootGeneration, keyMaterial(true), routes)) {
				return;
			}
		} catch (IOException | GeneralSecurityException | PyException e) {
			// run_setup_server() raised: main() prints a warning and goes on with the normal boot
			synchronized (this) {
				if (bootGeneration != generation) {
					return;
				}
				setupMode = false;
			}
			transcript.print("[WARNING] Setup mode check failed: " + e.getMessage()); //$NON-NLS-1$
			startServices(bootGeneration);
			return;
		}
		transcript.print("[SETUP] Registering routes..."); //$NON-NLS-1$
		transcript.print("[SETUP] Setup server ready at https://" + hostname + ".local/setup"); //$NON-NLS-1$ //$NON-NLS-2$
		if (environment.announceMdns()) {
			// the station took the name before connecting (wlan.config(hostname=...)); MicroPython's mDNS answers for it
			announce(bootGeneration, hostname);
		}
	}

	private void startServices(long bootGeneration) {
		PyDirectSettings current = settings.get();
		if (!PyValues.truthy(current.get("server.https_enabled", Boolean.FALSE))) { //$NON-NLS-1$
			return;
		}
		String hostname = PyDirectImage.hostname(current, mac.octets());
		try {
			byte[][] material = keyMaterial(false);
			if (material == null || !serve(bootGeneration, material, PyDirectWebServer.statusPage(hostname))) {
				return;
			}
		} catch (IOException | GeneralSecurityException | PyException e) {
			ILog.of(getClass()).warn("The simulated pyDirect web server did not start: " + e.getMessage()); //$NON-NLS-1$
			return;
		}
		if (environment.announceMdns()) {
			announce(bootGeneration, hostname);
		}
	}

	/**
	 * @param required whether missing files are an error (setup mode) or mean no HTTPS (the normal boot)
	 * @return the certificate and key this boot loads; firmware with the stale fault keeps what it loaded before
	 */
	private synchronized byte[][] keyMaterial(boolean required) throws IOException {
		return webFault == WebFault.SERVES_STALE_CERTIFICATE && loadedKeyMaterial != null ? loadedKeyMaterial
				: PyDirectMain.keyMaterial(files, settings.get(), required);
	}

	/** @return whether the server serves this boot; false when the device closed or rebooted meanwhile */
	private boolean serve(long bootGeneration, byte[][] material, PyDirectWebServer.Handler handler)
			throws IOException, GeneralSecurityException {
		PyDirectWebServer started = PyDirectWebServer.start(material[0], material[1], httpsPort, handler);
		synchronized (this) {
			if (closed || bootGeneration != generation) {
				started.close();
				return false;
			}
			server = started;
			loadedKeyMaterial = material;
			return true;
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
			setupMode = false;
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

	/** @return how many Wi-Fi scans the station started */
	public int scans() {
		return scans.get();
	}

	/**
	 * @return {@code (ssid, bssid, channel, rssi, authmode, hidden)} for every network in range, after the scan time
	 *         (the radio is busy: a rate of the simulated firmware, not a synchronisation)
	 */
	List<Object[]> scan() {
		scans.incrementAndGet();
		long until = System.nanoTime() + environment.scanTime().toNanos();
		for (long left = environment.scanTime().toNanos(); left > 0; left = until - System.nanoTime()) {
			java.util.concurrent.locks.LockSupport.parkNanos(left);
		}
		return inRange();
	}

	private synchronized List<Object[]> inRange() {
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
