/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * What the published pyDirect image (jetpax/pyDirect {@code device-scripts}) puts on a board and how its scripts
 * derive names: the shipped {@code default_settings.json} and {@code wifi.py}'s {@code get_hostname()}.
 */
public final class PyDirectImage {

	/**
	 * Modeled on the published {@code settings/default_settings.json}: same keys and values, except that the
	 * developer's Wi-Fi network is left out, so the first boot's setup server finds no SSID and clears
	 * {@code setup_mode}, as a freshly flashed board does.
	 */
	private static final String FACTORY_DEFAULTS = """
			{
			  "setup_mode": true,
			  "wifi": {
			    "ssid": "",
			    "password": "",
			    "hostname_prefix": "pyDirect"
			  },
			  "ethernet": {
			    "dhcp": true,
			    "static_ip": null
			  },
			  "wwan": {
			    "apn": "",
			    "username": "",
			    "password": "",
			    "mobile_data_enabled": false
			  },
			  "server": {
			    "webrepl_password": "password",
			    "http_port": 80,
			    "https_enabled": true,
			    "https_cert_file": "/certs/servercert.pem",
			    "https_key_file": "/certs/prvtkey.pem"
			  },
			  "network": {
			    "timeout": 5,
			    "retries": 3
			  },
			  "led": {
			    "brightness": 0.3,
			    "status": "on"
			  },
			  "can": {
			    "enabled": false,
			    "bitrate": 500000,
			    "mode": "NORMAL"
			  }
			}
			"""; //$NON-NLS-1$

	private PyDirectImage() {
	}

	/** Writes {@code /settings/default_settings.json} unless the flash already has one. */
	public static void installDefaults(Path root) {
		Path file = root.resolve(PyDirectSettings.DEFAULTS_FILE);
		if (Files.exists(file)) {
			return;
		}
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, FACTORY_DEFAULTS, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * {@code wifi.py}'s {@code get_hostname()}: {@code device.hostname} when set, else
	 * {@code <wifi.hostname_prefix, default "pydirect">-<last four hex digits of the station MAC>}.
	 */
	public static String hostname(PyDirectSettings settings, byte[] stationMac) {
		Object configured = settings.peek("device.hostname", PyValues.NONE); //$NON-NLS-1$
		if (PyValues.truthy(configured)) {
			return PyValues.str(configured);
		}
		Object prefix = settings.peek("wifi.hostname_prefix", "pydirect"); //$NON-NLS-1$ //$NON-NLS-2$
		return PyValues.str(prefix) + "-" + macSuffix(stationMac); //$NON-NLS-1$
	}

	/** @return the MAC's last four hex digits, lower case, as both wifi.py and the web installer take them */
	static String macSuffix(byte[] mac) {
		return HexFormat.of().formatHex(mac, mac.length - 2, mac.length);
	}

	/** @return the host name the web installer stores in {@code device.hostname} when it sets up Wi-Fi */
	public static String installerHostname(byte[] mac) {
		return "pydirect-" + macSuffix(mac); //$NON-NLS-1$
	}
}
