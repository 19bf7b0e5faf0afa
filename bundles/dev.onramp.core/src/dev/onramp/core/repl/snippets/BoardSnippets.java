/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import static dev.onramp.core.repl.PythonSource.quote;

import java.util.Optional;

/**
 * The snippets that identify a board and change its settings: identity, MAC, pyDirect's settings
 * ({@code lib.sys.settings}, PROTOCOLS.md §4), Wi-Fi through {@code network.WLAN}, the reset (the certificate's replacement is
 * {@link ReplaceSnippets}').
 * Every snippet the product sends lives in this package, so that one check runs them all against a real
 * MicroPython. Snippets may carry secrets (a Wi-Fi password): they are never logged.
 */
public final class BoardSnippets {

	/** Prints {@code sys.implementation.name}, {@code os.uname().release} and {@code .machine}, one per line. */
	public static final String IDENTITY = """
			import sys,os
			_u=os.uname()
			print(sys.implementation.name)
			print(_u.release)
			print(_u.machine)
			"""; //$NON-NLS-1$

	/** Prints the station MAC in hex; raises on a board without Wi-Fi. */
	public static final String STATION_MAC = "import network,binascii\n" //$NON-NLS-1$
			+ "print(binascii.hexlify(network.WLAN(network.STA_IF).config('mac')).decode())\n"; //$NON-NLS-1$

	/**
	 * pyDirect names itself {@code device.hostname}, else {@code <wifi.hostname_prefix>-<last 4 hex of the MAC>}
	 * (lib/sys/network/wifi.py): prints both settings, one per line. Raises ImportError on other firmware.
	 */
	public static final String PYDIRECT_NAMING = "from lib.sys import settings\n" //$NON-NLS-1$
			+ "print(settings.get('device.hostname'))\n" //$NON-NLS-1$
			+ "print(settings.get('wifi.hostname_prefix', 'pydirect'))\n"; //$NON-NLS-1$

	/** Prints where pyDirect's web server reads its certificate and key (settings, with the firmware's defaults). */
	public static final String PYDIRECT_HTTPS_FILES = "from lib.sys import settings\n" //$NON-NLS-1$
			+ "print(settings.get('server.https_cert_file', '/certs/servercert.pem'))\n" //$NON-NLS-1$
			+ "print(settings.get('server.https_key_file', '/certs/prvtkey.pem'))\n"; //$NON-NLS-1$

	/** The hard reset; sent without waiting for its result, which never comes. */
	public static final String HARD_RESET = "import machine\nmachine.reset()\n"; //$NON-NLS-1$

	/** Binds {@code w} to the active station interface. */
	public static final String STATION = "import network\nw = network.WLAN(network.STA_IF)\nw.active(True)\n"; //$NON-NLS-1$

	/** Prints the station's scan as a Python literal. */
	public static final String SCAN = STATION + "print(repr(w.scan()))\n"; //$NON-NLS-1$

	/** After {@link #connect}: prints the station status and the codes of connecting and idle. */
	public static final String POLL_STATUS = "print(w.status(), network.STAT_CONNECTING, network.STAT_IDLE)\n"; //$NON-NLS-1$

	/** After {@link #connect}: prints the station's IPv4 address. */
	public static final String STATION_ADDRESS = "print(w.ifconfig()[0])\n"; //$NON-NLS-1$

	/** After {@link #connect}: leaves the network (a failed attempt must not keep retrying on the board). */
	public static final String DISCONNECT = "w.disconnect()\n"; //$NON-NLS-1$

	/** Prints whether the station is connected and its address. */
	public static final String STATION_STATE = "import network\nw = network.WLAN(network.STA_IF)\n" //$NON-NLS-1$
			+ "print(w.isconnected(), w.ifconfig()[0])\n"; //$NON-NLS-1$

	private BoardSnippets() {
	}

	/**
	 * Joins a network for the running session and prints the status codes of success, wrong password and network not
	 * found.
	 */
	public static String connect(String ssid, String password) {
		return STATION + "w.disconnect()\nw.connect(" + quote(ssid) + ", " + quote(password) + ")\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "print(network.STAT_GOT_IP, network.STAT_WRONG_PASSWORD, network.STAT_NO_AP_FOUND)\n"; //$NON-NLS-1$
	}

	/**
	 * What pyDirect's installer stores after Change WiFi: the network, HTTPS on, and the host name; prints the result
	 * of {@code save()} ({@code True} once the user settings file is written).
	 */
	public static String storePyDirectWifi(String ssid, String password, String hostname) {
		return "from lib.sys import settings\n" //$NON-NLS-1$
				+ "settings.set('wifi.ssid', " + quote(ssid) + ")\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "settings.set('wifi.password', " + quote(password) + ")\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "settings.set('server.https_enabled', True)\n" //$NON-NLS-1$
				+ "settings.set('device.hostname', " + quote(hostname) + ")\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "print(settings.save())\n"; //$NON-NLS-1$
	}

	/**
	 * What pyDirect's installer does before the reset of a re-provision: HTTPS on and setup mode, so that the board
	 * boots into its setup server ({@code https://<hostname>.local/setup}); the host name when it changes. Prints the
	 * result of {@code save()}.
	 */
	public static String enterPyDirectSetupMode(Optional<String> newHostname) {
		StringBuilder code = new StringBuilder("from lib.sys import settings\n") //$NON-NLS-1$
				.append("settings.set('server.https_enabled', True)\n"); //$NON-NLS-1$
		newHostname.ifPresent(h -> code.append("settings.set('device.hostname', ").append(quote(h)).append(")\n")); //$NON-NLS-1$ //$NON-NLS-2$
		return code.append("settings.set('setup_mode', True)\nprint(settings.save())\n").toString(); //$NON-NLS-1$
	}
}
