/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The made-up values a simulated board is started with: the Wi-Fi network in its range (name and password) and, for
 * ESP-IDF provisioning, its proof of possession. They are shown to the user, who types them into the scenarios; they
 * protect nothing but a simulated board on 127.0.0.1, so a fast non-blocking generator is enough (the dialog that
 * shows them is built on the UI thread).
 *
 * @param ssid         the simulated Wi-Fi network the board can join
 * @param wifiPassword that network's password
 * @param pop          the ESP-IDF board's proof of possession
 */
public record DemoValues(String ssid, String wifiPassword, String pop) {

	/** The simulated network's name, the same as {@code onramp demo} uses. */
	public static final String SSID = "OnrampDemo"; //$NON-NLS-1$

	/** @return new demo values: a fixed network name, a random password and proof of possession */
	public static DemoValues generate() {
		return new DemoValues(SSID, random(6), random(4));
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

	/** Never prints the values: records' generated {@code toString} would. */
	@Override
	public String toString() {
		return "DemoValues[" + ssid + ", ***, ***]"; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
