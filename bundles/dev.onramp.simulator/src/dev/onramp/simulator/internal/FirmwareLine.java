/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.Fault;

/**
 * The simulated firmware's end of its line: reads and writes, paced by the firmware itself over TCP, with the
 * device's line faults applied (a silent board writes nothing, a garbage board writes noise, a dropping line loses
 * the bytes past the fault's count and then closes), and the received bytes the REPL has not handled yet, which a
 * program reading stdin takes first.
 */
final class FirmwareLine {

	/** Signals that the host is gone while the device writes. */
	static final class LineGone extends Exception {
		private static final long serialVersionUID = 1L;
	}

	private final DeviceState state;
	private final IByteChannel line;
	private final LinePacer rxPacer;
	private final LinePacer txPacer;
	private final Random random = new Random(42);
	/** What the REPL is handling; a program reading stdin takes the rest first. */
	private byte[] rx = new byte[0];
	private int rxPos;
	private int rxLength;
	/** A {@link Fault.Kind#DROP_LINE} fault was reached: the line drops once the bytes before it are handled. */
	private boolean dropPending;
	private boolean dropped;

	/**
	 * @param baudRate 0 when the line itself is paced (or unthrottled), else the firmware paces its own reads and
	 *                 writes (TCP)
	 */
	FirmwareLine(DeviceState state, IByteChannel line, int baudRate) {
		this.state = state;
		this.line = line;
		this.rxPacer = new LinePacer(baudRate);
		this.txPacer = new LinePacer(baudRate);
	}

	/** @return a buffer for reading the line: small when the firmware paces its own reads */
	byte[] newReadBuffer() {
		return new byte[rxPacer.paced() ? 16 : 4096];
	}

	/** Reads the line with pacing and the drop fault: bytes past the fault's count never arrive. */
	int receive(byte[] buffer, int max, Duration wait) throws OnrampException {
		int n = line.read(buffer, 0, max, wait);
		if (n <= 0) {
			return n;
		}
		rxPacer.carry(n);
		Fault fault = state.fault();
		if (fault.kind() == Fault.Kind.DROP_LINE) {
			long allowed = fault.afterBytes() - state.receivedSinceFault.get();
			if (n >= allowed) {
				n = (int) Math.max(0, allowed);
				dropPending = true;
			}
		}
		state.receivedSinceFault.addAndGet(n);
		return n;
	}

	/** A {@link Fault.Kind#GARBAGE} board: writes a burst of noise, and what arrives meanwhile is lost. */
	void babble(byte[] buffer) throws OnrampException, LineGone {
		byte[] noise = new byte[24];
		random.nextBytes(noise);
		emit(noise);
		line.read(buffer, 0, buffer.length, Duration.ofMillis(30));
	}

	/** A {@link Fault.Kind#SILENT} board: what arrives within {@code wait} is lost. */
	void ignore(byte[] buffer, Duration wait) throws OnrampException {
		line.read(buffer, 0, buffer.length, wait);
	}

	/** Hands received bytes to the REPL, which takes them one by one. */
	void hold(byte[] buffer, int length) {
		rx = buffer;
		rxLength = length;
		rxPos = 0;
	}

	/** @return whether received bytes are left that neither the REPL nor a program took yet */
	boolean hasHeld() {
		return rxPos < rxLength;
	}

	byte takeHeld() {
		return rx[rxPos++];
	}

	/** @return whether the drop fault was reached: the line should drop once the bytes before it are handled */
	boolean dropPending() {
		return dropPending;
	}

	void dropLine() {
		dropPending = false;
		dropped = true;
		state.setFault(Fault.none());
		line.close();
	}

	/** @return whether the line ended by the drop fault rather than by the host */
	boolean dropped() {
		return dropped;
	}

	void close() {
		line.close();
	}

	void emit(String text) throws LineGone {
		emit(text.getBytes(StandardCharsets.UTF_8));
	}

	void emit(byte[] data) throws LineGone {
		if (state.fault().kind() == Fault.Kind.SILENT) {
			return;
		}
		try {
			if (!txPacer.paced()) {
				line.write(data);
				return;
			}
			for (int offset = 0; offset < data.length; offset += 16) {
				int n = Math.min(16, data.length - offset);
				txPacer.carry(n);
				line.write(data, offset, n);
			}
		} catch (OnrampException e) {
			throw new LineGone();
		}
	}
}
