/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether {@code onramp provision} without a network shows its page, and whether it opens the page in a browser. The
 * seed's flow is a page in the desktop browser; without a desktop (a server, a CI job, a terminal over SSH) the
 * terminal prompts stay, unless {@code --browser} or {@code --no-browser} asks for the page.
 */
public enum PageMode {

	/** Serve the page and open it in the desktop's browser. */
	OPEN,
	/** Serve the page and print its address only. */
	PRINT_ONLY;

	/** Set by the {@code onramp} script when stdout is a terminal (a person watches, not a pipe). */
	static final String STDOUT_VARIABLE = "ONRAMP_STDOUT_TTY"; //$NON-NLS-1$

	/**
	 * @param browser    {@code --browser} given
	 * @param noBrowser  {@code --no-browser} given
	 * @param environment the process environment
	 * @param osName     {@code os.name}
	 * @return the page to serve, or empty for the terminal flow
	 */
	public static Optional<PageMode> choose(boolean browser, boolean noBrowser, Map<String, String> environment,
			String osName) {
		boolean desktop = hasDesktop(environment, osName);
		if (noBrowser) {
			return Optional.of(PRINT_ONLY);
		}
		if (browser) {
			return Optional.of(desktop ? OPEN : PRINT_ONLY);
		}
		if (desktop && "1".equals(environment.get(STDOUT_VARIABLE))) { //$NON-NLS-1$
			return Optional.of(OPEN);
		}
		return Optional.empty();
	}

	/** @return whether a graphical session runs: always on Windows and macOS, a display server elsewhere */
	static boolean hasDesktop(Map<String, String> environment, String osName) {
		String os = osName.toLowerCase(Locale.ROOT);
		if (os.startsWith("windows") || os.startsWith("mac")) { //$NON-NLS-1$ //$NON-NLS-2$
			return true;
		}
		return !environment.getOrDefault("DISPLAY", "").isBlank() //$NON-NLS-1$ //$NON-NLS-2$
				|| !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank(); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
