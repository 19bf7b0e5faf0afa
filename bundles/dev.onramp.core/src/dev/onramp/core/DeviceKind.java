/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

/** What a device runs, as far as Onramp can tell; it decides which operations make sense. */
public enum DeviceKind {
	/** A pyDirect board: MicroPython with the pyDirect web interface, can be blessed with HTTPS. */
	PYDIRECT,
	/** A MicroPython board reached over its REPL. */
	MICROPYTHON,
	/** An ESP-IDF device in unified provisioning mode (SoftAP HTTP, proof of possession). */
	ESP_IDF_PROVISIONING,
	/** A device that speaks Improv Wi-Fi over serial. */
	IMPROV,
	/** An ESP-IDF application with an interactive {@code esp_console} REPL on its serial port. */
	ESP_IDF_CONSOLE,
	/** A device seen on the network only (mDNS), firmware unknown. */
	NETWORK,
	/** Nothing identified yet, for example a serial port that has not been asked. */
	UNKNOWN
}
