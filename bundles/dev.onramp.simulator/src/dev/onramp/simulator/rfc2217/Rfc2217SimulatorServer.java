/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.rfc2217;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.LineEnd;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.internal.ComPortLine;
import dev.onramp.simulator.internal.LoopbackLineServer;

/**
 * Serves a simulated board's USB serial port shared with RFC 2217 ({@code rfc2217://127.0.0.1:PORT}, like ser2net's
 * {@code telnet(rfc2217)} accepter or esptool's esp_rfc2217_server), one connection at a time. The modem lines reach
 * the board's auto-reset circuit: RTS pulsed with DTR released resets it into its firmware (the boot output follows
 * on the line); RTS released while DTR is asserted leaves it waiting in the ROM download mode. Unlike a TCP line
 * ({@link dev.onramp.simulator.SimulatorServer}), the connection stays while the board resets, as a USB-UART bridge
 * does. The server owns the device: closing the server closes the device.
 */
public final class Rfc2217SimulatorServer implements AutoCloseable {

	private final SimulatedMicroPythonDevice device;
	private final LoopbackLineServer server;
	private final AtomicInteger resets = new AtomicInteger();
	private final AtomicInteger downloadModeResets = new AtomicInteger();
	private final AtomicInteger purges = new AtomicInteger();
	private final AtomicInteger connections = new AtomicInteger();
	private volatile int lastBaudRate = -1;
	private volatile ComPortLine current;
	private volatile boolean closed;

	/** Starts serving on an ephemeral loopback port. */
	public Rfc2217SimulatorServer(SimulatedMicroPythonDevice device) throws IOException {
		this.device = device;
		this.server = new LoopbackLineServer("rfc2217-simulator-server", this::serve); //$NON-NLS-1$
	}

	public int port() {
		return server.port();
	}

	/** @return {@code rfc2217://127.0.0.1:PORT} */
	public String uri() {
		return "rfc2217://127.0.0.1:" + port(); //$NON-NLS-1$
	}

	public SimulatedMicroPythonDevice device() {
		return device;
	}

	/** @return how often the modem lines reset the board into its firmware */
	public int resets() {
		return resets.get();
	}

	/** @return how often the modem lines reset the board into the ROM download mode */
	public int downloadModeResets() {
		return downloadModeResets.get();
	}

	/** @return the baud rate a client last set (SET-BAUDRATE), if any did */
	public OptionalInt lastBaudRate() {
		int rate = lastBaudRate;
		return rate < 0 ? OptionalInt.empty() : OptionalInt.of(rate);
	}

	/** @return how many PURGE-DATA commands arrived */
	public int purges() {
		return purges.get();
	}

	/** @return how many connections were accepted so far */
	public int connections() {
		return connections.get();
	}

	/** @return whether the current connection asserts DTR; empty without a connection */
	public Optional<Boolean> dtr() {
		ComPortLine line = current;
		return line == null ? Optional.empty() : Optional.of(line.dtr());
	}

	/** @return whether the current connection asserts RTS; empty without a connection */
	public Optional<Boolean> rts() {
		ComPortLine line = current;
		return line == null ? Optional.empty() : Optional.of(line.rts());
	}

	/** @return whether the board waits in the ROM download mode, its firmware silent */
	public boolean inDownloadMode() {
		ComPortLine line = current;
		return line != null && line.inDownloadMode();
	}

	private void serve(IByteChannel tcp) {
		connections.incrementAndGet();
		ComPortLine line = new ComPortLine(tcp, new ComPortLine.Board() {
			@Override
			public void baudRate(int bitsPerSecond) {
				lastBaudRate = bitsPerSecond;
			}

			@Override
			public void purged(int what) {
				purges.incrementAndGet();
			}

			@Override
			public void resetIntoFirmware() {
				resets.incrementAndGet();
				device.pressReset();
			}

			@Override
			public void resetIntoDownloadMode() {
				downloadModeResets.incrementAndGet();
			}
		});
		current = line;
		try {
			// machine.reset() reboots the board; the USB-UART bridge and with it the connection stay
			while (device.run(new BridgeEnd(line)) == LineEnd.HARD_RESET && !closed && line.isOpen()) {
				// boots again on the same line
			}
		} finally {
			current = null;
			line.close();
		}
	}

	/** Stops serving and switches the device off (a device with a temporary flash loses it). */
	@Override
	public void close() {
		closed = true;
		ComPortLine line = current;
		if (line != null) {
			line.close();
		}
		server.close();
		device.close();
	}

	/** The firmware's end of the bridge: the firmware closing it at a reset leaves the connection open. */
	private static final class BridgeEnd implements IByteChannel {

		private final ComPortLine line;

		BridgeEnd(ComPortLine line) {
			this.line = line;
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
		public void close() {
			// the connection is the server's to close
		}
	}
}
