/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where Onramp keeps its certificate authority, inventory and state: one rule for the command line, the workbench
 * and every service, so they all find the same CA.
 */
public final class DataDirectory {

	/** System or framework property naming the data directory; the CLI's {@code --data-dir} sets it. */
	public static final String PROPERTY = "onramp.data.dir"; //$NON-NLS-1$
	/** Environment variable naming the data directory, for CI jobs and factory stations. */
	public static final String ENVIRONMENT_VARIABLE = "ONRAMP_DATA_DIR"; //$NON-NLS-1$

	private DataDirectory() {
	}

	/** @return the data directory of this process, from its system properties and environment */
	public static Path current() {
		return resolve(System::getProperty, System.getenv(), System.getProperty("os.name", ""), //$NON-NLS-1$ //$NON-NLS-2$
				Path.of(System.getProperty("user.home", "."))); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * @param property    looks up {@link #PROPERTY} (a bundle context's or the system's properties)
	 * @param environment the process environment
	 * @return {@code onramp.data.dir}, else {@code $ONRAMP_DATA_DIR}, else the platform's per-user folder:
	 *         {@code $XDG_DATA_HOME/onramp} or {@code ~/.local/share/onramp} (Linux and other Unix systems),
	 *         {@code %LOCALAPPDATA%\Onramp} or {@code ~\AppData\Local\Onramp} (Windows: the CA's private key stays on
	 *         this computer rather than roaming with the profile), {@code ~/Library/Application Support/Onramp} (macOS)
	 */
	public static Path resolve(UnaryOperator<String> property, Map<String, String> environment, String osName,
			Path userHome) {
		String configured = property.apply(PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		String explicit = environment.get(ENVIRONMENT_VARIABLE);
		if (explicit != null && !explicit.isBlank()) {
			return Path.of(explicit);
		}
		String os = osName.toLowerCase(Locale.ROOT);
		if (os.startsWith("windows")) { //$NON-NLS-1$
			String localAppData = environment.get("LOCALAPPDATA"); //$NON-NLS-1$
			return localAppData != null && !localAppData.isBlank() ? Path.of(localAppData, "Onramp") //$NON-NLS-1$
					: userHome.resolve("AppData").resolve("Local").resolve("Onramp"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		if (os.startsWith("mac") || os.startsWith("darwin")) { //$NON-NLS-1$ //$NON-NLS-2$
			return userHome.resolve("Library").resolve("Application Support").resolve("Onramp"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		String xdg = environment.get("XDG_DATA_HOME"); //$NON-NLS-1$
		return xdg != null && !xdg.isBlank() ? Path.of(xdg, "onramp") //$NON-NLS-1$
				: userHome.resolve(".local").resolve("share").resolve("onramp"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
