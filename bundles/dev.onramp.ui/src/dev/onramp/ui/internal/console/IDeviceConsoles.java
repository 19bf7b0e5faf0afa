/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

/**
 * The device consoles in the Console view, one per board: the serial log and the protocol steps as they happen.
 * An OSGi service of this bundle; the workbench finds it with {@code PlatformUI.getWorkbench().getService(...)}.
 */
public interface IDeviceConsoles {

	/**
	 * @param deviceKey the board's {@link dev.onramp.ui.internal.jobs.DeviceRule#key() key}
	 * @param title     what the Console view calls it, for example {@code pyDirect (/dev/ttyACM0)}
	 * @return the board's console, created (not yet shown) on first use; safe to call from any thread
	 */
	IDeviceConsole console(String deviceKey, String title);

	/**
	 * Masks {@code secretValue} (a proof of possession, a Wi-Fi or device password) wherever it would appear in any
	 * console from now on, before the text reaches the console's document. Scenarios call it for every secret they
	 * hold, before their first step; well-known secret patterns in serial logs are masked without it.
	 *
	 * @param secretValue the secret; {@code null} or empty is ignored
	 */
	void maskSecret(String secretValue);

	/** Where one board's lines go; every method may be called from any thread and never blocks on the UI. */
	interface IDeviceConsole {

		/** A protocol step ("Reading the device's scan"), written with the step colour. */
		void step(String text);

		/** A line the board printed on its serial port. */
		void serial(String line);

		/** A failure, written with the error colour. */
		void error(String text);

		/** Brings the console to the front of the Console view (asynchronously, on the UI thread). */
		void reveal();
	}
}
