/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.util.Locale;

/** The operating system families whose serial ports fail in different ways. */
enum Platform {
	LINUX, MAC, WINDOWS, OTHER;

	static Platform current() {
		return of(System.getProperty("os.name", "")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @param osName the JVM's {@code os.name}: {@code Linux}, {@code Mac OS X}, {@code Windows 11}, ... */
	static Platform of(String osName) {
		String name = osName.toLowerCase(Locale.ROOT);
		if (name.contains("linux")) { //$NON-NLS-1$
			return LINUX;
		}
		if (name.contains("mac") || name.contains("darwin")) { //$NON-NLS-1$ //$NON-NLS-2$
			return MAC;
		}
		return name.contains("windows") ? WINDOWS : OTHER; //$NON-NLS-1$
	}
}
