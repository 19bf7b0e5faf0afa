/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.internal.LoopbackLineServer;

/**
 * Serves a simulated device as a serial line over TCP on 127.0.0.1 ({@code socket://127.0.0.1:PORT}, like ser2net),
 * one connection at a time. A hard reset closes the connection; after the reboot delay the next connection finds the
 * device booting. A pty for jSerialComm can be bridged with {@code socat pty,raw,echo=0,link=X tcp:127.0.0.1:PORT}.
 * The server owns the device: closing the server closes the device.
 */
public final class SimulatorServer implements AutoCloseable {

	private final SimulatedMicroPythonDevice device;
	private final LoopbackLineServer server;
	private volatile boolean closed;

	/** Starts serving on an ephemeral loopback port. */
	public SimulatorServer(SimulatedMicroPythonDevice device) throws IOException {
		this.device = device;
		this.server = new LoopbackLineServer("simulator-server", this::serve); //$NON-NLS-1$
	}

	public int port() {
		return server.port();
	}

	/** @return {@code socket://127.0.0.1:PORT} */
	public String uri() {
		return server.uri();
	}

	public SimulatedMicroPythonDevice device() {
		return device;
	}

	private void serve(IByteChannel line) {
		if (device.run(line) == LineEnd.HARD_RESET) {
			reboot();
		}
	}

	/** The device is away while it reboots: nobody is served (rate simulation, not synchronisation). */
	private void reboot() {
		long until = System.nanoTime() + device.options().rebootDelay().toNanos();
		long wait;
		while (!closed && (wait = until - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	/** Stops serving and switches the device off (a device with a temporary flash loses it). */
	@Override
	public void close() {
		closed = true;
		server.close();
		device.close();
	}
}
