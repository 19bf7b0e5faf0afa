/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names each platform gives serial ports, and the one Onramp shows and opens. */
final class PortNames {

	/** {@code COM3}, {@code com3}, {@code \\.\COM10} (the device namespace form that ports above COM9 once needed) */
	private static final Pattern WINDOWS_COM = Pattern.compile("(?i)(?:\\\\\\\\\\.\\\\)?(COM)(\\d{1,3})"); //$NON-NLS-1$
	private static final String MAC_DIAL_IN = "/dev/tty."; //$NON-NLS-1$
	private static final String MAC_CALLOUT = "/dev/cu."; //$NON-NLS-1$

	private PortNames() {
	}

	/** @return whether the name is a Windows COM port, in any of the forms users type */
	static boolean isWindowsComPort(String name) {
		return WINDOWS_COM.matcher(name.strip()).matches();
	}

	/**
	 * @return the name to show and to open: on Windows {@code COMn} in upper case ({@code \\.\COM10} becomes
	 *         {@code COM10}); on macOS the callout device {@code /dev/cu.X} for the dial-in device {@code /dev/tty.X},
	 *         since a dial-in device waits for the modem's carrier and Onramp always dials out; otherwise as given
	 */
	static String canonical(Platform platform, String name) {
		String stripped = name.strip();
		if (platform == Platform.WINDOWS) {
			Matcher com = WINDOWS_COM.matcher(stripped);
			if (com.matches()) {
				return com.group(1).toUpperCase(Locale.ROOT) + Integer.parseInt(com.group(2));
			}
		}
		if (platform == Platform.MAC && stripped.startsWith(MAC_DIAL_IN)) {
			return MAC_CALLOUT + stripped.substring(MAC_DIAL_IN.length());
		}
		return stripped;
	}
}
