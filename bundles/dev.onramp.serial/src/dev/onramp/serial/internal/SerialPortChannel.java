/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.fazecast.jSerialComm.SerialPort;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;

/**
 * An open jSerialComm port. Reads wait in the kernel (termios VMIN=0/VTIME), so deadlines have a resolution of 0.1 s
 * and nothing spins; a wait is cut into slices of at most a second so that a closed or vanished port is noticed.
 */
final class SerialPortChannel implements IByteChannel {

	private static final int TICK_MILLIS = 100;
	private static final int MAX_SLICE_MILLIS = 1000;

	private final String name;
	private final SerialPort port;
	private final Runnable onRelease;
	private final Object readLock = new Object();
	private final Object writeLock = new Object();
	private final Object stateLock = new Object();
	private int sliceMillis = -1;
	private volatile State state = State.OPEN;

	private enum State {
		OPEN, CLOSED, VANISHED
	}

	/**
	 * @param port      an open port
	 * @param onRelease run once when the port is closed or found vanished
	 */
	SerialPortChannel(String name, SerialPort port, Runnable onRelease) {
		this.name = name;
		this.port = port;
		this.onRelease = onRelease;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		Objects.checkFromIndexSize(offset, length, buffer.length);
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (readLock) {
			while (true) {
				ensureOpen();
				if (length == 0) {
					return 0;
				}
				long remainingMillis = Math.ceilDiv(deadline - System.nanoTime(), 1_000_000L);
				if (remainingMillis <= 0 && port.bytesAvailable() <= 0) {
					return 0;
				}
				setSlice((int) Math.clamp(Math.ceilDiv(remainingMillis, TICK_MILLIS) * TICK_MILLIS, TICK_MILLIS,
						MAX_SLICE_MILLIS));
				int count = port.readBytes(buffer, length, offset);
				if (count > 0) {
					return count;
				}
				if (count < 0) {
					throw lineLost();
				}
				if (Thread.interrupted()) {
					Thread.currentThread().interrupt();
					throw new OnrampException(FailureReason.CANCELLED, "Reading from " + name + " was cancelled."); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
	}

	private void setSlice(int millis) {
		if (millis != sliceMillis) {
			port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, millis, 0);
			sliceMillis = millis;
		}
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		Objects.checkFromIndexSize(offset, length, data.length);
		synchronized (writeLock) {
			int written = 0;
			while (written < length) {
				ensureOpen();
				int count = port.writeBytes(data, length - written, offset + written);
				// jSerialComm's descriptor blocks, so a write that takes nothing failed: jSerialComm reports a
				// failed write() (EIO once the device is gone) as nothing written, not as -1
				if (count <= 0) {
					throw lineLost();
				}
				written += count;
			}
		}
	}

	/**
	 * @return the port's DTR and RTS; they fail with {@link FailureReason#NOT_AVAILABLE} where the driver has none
	 *         (pseudo-terminals, some USB adapters)
	 */
	@Override
	public Optional<IModemLines> modemLines() {
		return Optional.of(modemLines);
	}

	private final IModemLines modemLines = new IModemLines() {
		@Override
		public void setDtr(boolean asserted) throws OnrampException {
			synchronized (writeLock) {
				ensureOpen();
				refusedUnless(asserted ? port.setDTR() : port.clearDTR(), "DTR"); //$NON-NLS-1$
			}
		}

		@Override
		public void setRts(boolean asserted) throws OnrampException {
			synchronized (writeLock) {
				ensureOpen();
				refusedUnless(asserted ? port.setRTS() : port.clearRTS(), "RTS"); //$NON-NLS-1$
			}
		}
	};

	private void refusedUnless(boolean accepted, String line) throws OnrampException {
		if (!accepted) {
			ensureOpen();
			throw new OnrampException(FailureReason.NOT_AVAILABLE, "The port " + name //$NON-NLS-1$
					+ " has no modem control lines (RTS/DTR): its driver refused to set " + line + '.', //$NON-NLS-1$
					"The board cannot be reset through this port; press its RESET (EN) button instead, or connect it" //$NON-NLS-1$
							+ " through a USB serial adapter or USB-Serial/JTAG port that carries DTR and RTS."); //$NON-NLS-1$
		}
	}

	@Override
	public boolean isOpen() {
		return state == State.OPEN;
	}

	@Override
	public void close() {
		release(State.CLOSED);
	}

	private void ensureOpen() throws OnrampException {
		switch (state) {
		case CLOSED -> throw new OnrampException(FailureReason.DEVICE_VANISHED, "The port " + name + " is closed."); //$NON-NLS-1$ //$NON-NLS-2$
		case VANISHED -> throw vanished();
		case OPEN -> {
			// go on
		}
		}
	}

	/** A failed read or write: the device vanished, unless the channel was closed meanwhile. */
	private OnrampException lineLost() throws OnrampException {
		release(State.VANISHED);
		ensureOpen();
		return vanished();
	}

	private OnrampException vanished() {
		return new OnrampException(FailureReason.DEVICE_VANISHED,
				"The device on " + name + " disconnected: the port vanished in the middle of the session.", //$NON-NLS-1$ //$NON-NLS-2$
				"Check the USB cable and reconnect the board; a reset can also give the port a new name.") //$NON-NLS-1$
				.withRemedy(Remedy.SERIAL_PORT);
	}

	private void release(State newState) {
		synchronized (stateLock) {
			if (state != State.OPEN) {
				return;
			}
			state = newState;
		}
		port.closePort();
		onRelease.run();
	}
}
