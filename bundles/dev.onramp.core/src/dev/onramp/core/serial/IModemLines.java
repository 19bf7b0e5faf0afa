/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.serial;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import dev.onramp.core.OnrampException;

/**
 * The modem control lines of a serial line (a local port, or one shared over RFC 2217). On ESP32 boards DTR and RTS
 * drive the auto-reset circuit: RTS asserted holds EN (reset) low, DTR asserted with RTS released holds GPIO0 (boot
 * mode) low. USB-Serial/JTAG chips emulate the same wiring.
 */
public interface IModemLines {

	/** Asserts ({@code true}) or releases DTR. */
	void setDtr(boolean asserted) throws OnrampException;

	/** Asserts ({@code true}) or releases RTS. */
	void setRts(boolean asserted) throws OnrampException;

	/**
	 * Resets the board into its firmware the way esptool's and the pyDirect installer's "hard reset" does: DTR released
	 * (GPIO0 high, a normal boot, not the ROM download mode), then RTS asserted for 100 ms and released. The pulse
	 * lengths are the hardware's, not a wait for an answer.
	 */
	default void resetIntoFirmware() throws OnrampException {
		setDtr(false);
		setRts(false);
		LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		setRts(true);
		LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
		setRts(false);
	}
}
