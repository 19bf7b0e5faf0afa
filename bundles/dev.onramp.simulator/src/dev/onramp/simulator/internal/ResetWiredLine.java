/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.time.Duration;
import java.util.Optional;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;

/**
 * The host's end of a simulated USB-UART cable with the ESP32 auto-reset wiring: RTS asserted holds EN low, and its
 * release reboots the board. DTR (GPIO0, the ROM download mode) is accepted but not simulated: the board always boots
 * its firmware.
 */
public final class ResetWiredLine implements IByteChannel, IModemLines {

	private final IByteChannel line;
	private final Runnable reset;
	private boolean rts;

	/** @param reset what releasing EN does to the board */
	public ResetWiredLine(IByteChannel line, Runnable reset) {
		this.line = line;
		this.reset = reset;
	}

	@Override
	public String name() {
		return line.name();
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		return line.read(buffer, offset, length, timeout);
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		line.write(data, offset, length);
	}

	@Override
	public boolean isOpen() {
		return line.isOpen();
	}

	@Override
	public Optional<IModemLines> modemLines() {
		return Optional.of(this);
	}

	@Override
	public void setDtr(boolean asserted) {
		// GPIO0: only the ROM download mode would read it
	}

	@Override
	public synchronized void setRts(boolean asserted) {
		boolean released = rts && !asserted;
		rts = asserted;
		if (released) {
			reset.run();
		}
	}

	@Override
	public void close() {
		line.close();
	}
}
