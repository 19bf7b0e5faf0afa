/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What pyDirect's main.py and setup_server.py decide and read at boot, before anything is served: whether the setup
 * server runs, and the certificate files the web server loads.
 */
final class PyDirectMain {

	private PyDirectMain() {
	}

	/**
	 * main.py's {@code main()} checks {@code setup_mode}; run_setup_server() without an SSID clears the flag, saves and
	 * returns, and the normal boot goes on.
	 *
	 * @return whether the setup server is to run this boot
	 */
	static boolean setupModeAtBoot(PyDirectSettings settings, BootTranscript transcript) {
		if (!PyValues.truthy(settings.get("setup_mode", PyValues.NONE))) { //$NON-NLS-1$
			return false;
		}
		transcript.print("[MAIN] Setup mode detected, starting setup server..."); //$NON-NLS-1$
		transcript.print("[SETUP] Starting setup mode..."); //$NON-NLS-1$
		Object ssid = settings.get("wifi.ssid", PyValues.NONE); //$NON-NLS-1$
		if (PyValues.truthy(ssid)) {
			transcript.print("[SETUP] Connecting to WiFi: " + PyValues.str(ssid)); //$NON-NLS-1$
			return true;
		}
		transcript.print("[SETUP] ERROR: No WiFi credentials saved, cannot start setup mode"); //$NON-NLS-1$
		settings.set("setup_mode", Boolean.FALSE); //$NON-NLS-1$
		settings.save();
		transcript.print("[MAIN] Setup server returned, continuing to normal boot..."); //$NON-NLS-1$
		return false;
	}

	/**
	 * @param required whether a missing file fails as the firmware's httpserver does (an OSError), else is
	 *                 {@code null}
	 * @return the contents of the files {@code server.https_cert_file} and {@code server.https_key_file} name
	 */
	static byte[][] keyMaterial(FlashFiles files, PyDirectSettings settings, boolean required) throws IOException {
		Path cert = files.resolve(PyValues.str(settings.get("server.https_cert_file", "/certs/servercert.pem"))); //$NON-NLS-1$ //$NON-NLS-2$
		Path key = files.resolve(PyValues.str(settings.get("server.https_key_file", "/certs/prvtkey.pem"))); //$NON-NLS-1$ //$NON-NLS-2$
		if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
			if (required) {
				throw PyException.osError(2, "ENOENT"); //$NON-NLS-1$
			}
			return null;
		}
		return new byte[][] { Files.readAllBytes(cert), Files.readAllBytes(key) };
	}
}
