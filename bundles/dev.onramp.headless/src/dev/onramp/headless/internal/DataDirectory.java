/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.nio.file.Path;
import java.util.Map;

/** Where Onramp keeps its CA, inventory and state when {@code --data-dir} is not given. */
final class DataDirectory {

	private DataDirectory() {
	}

	/**
	 * @return {@code $ONRAMP_DATA_DIR}, else {@code $XDG_DATA_HOME/onramp}, else {@code ~/.local/share/onramp}
	 *         (Linux), {@code %APPDATA%\Onramp} (Windows), {@code ~/Library/Application Support/Onramp} (macOS)
	 */
	static Path defaultFor(Map<String, String> environment, String osName, Path userHome) {
		String explicit = environment.get("ONRAMP_DATA_DIR"); //$NON-NLS-1$
		if (explicit != null && !explicit.isBlank()) {
			return Path.of(explicit);
		}
		String os = osName.toLowerCase(java.util.Locale.ROOT);
		if (os.startsWith("windows")) { //$NON-NLS-1$
			String appData = environment.get("APPDATA"); //$NON-NLS-1$
			return appData != null ? Path.of(appData, "Onramp") : userHome.resolve("Onramp"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (os.startsWith("mac")) { //$NON-NLS-1$
			return userHome.resolve("Library/Application Support/Onramp"); //$NON-NLS-1$
		}
		String xdg = environment.get("XDG_DATA_HOME"); //$NON-NLS-1$
		return xdg != null && !xdg.isBlank() ? Path.of(xdg, "onramp") : userHome.resolve(".local/share/onramp"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
