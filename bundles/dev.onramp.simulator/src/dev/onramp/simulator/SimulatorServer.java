/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.ILog;

import dev.onramp.simulator.internal.SocketByteChannel;

/**
 * Serves a simulated device as a serial line over TCP on 127.0.0.1 ({@code socket://127.0.0.1:PORT}, like ser2net),
 * one connection at a time. A hard reset closes the connection; after the reboot delay the next connection finds the
 * device booting. A pty for jSerialComm can be bridged with {@code socat pty,raw,echo=0,link=X tcp:127.0.0.1:PORT}.
 */
public final class SimulatorServer implements AutoCloseable {

	private final SimulatedMicroPythonDevice device;
	private final ServerSocket serverSocket;
	private final ExecutorService acceptor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "simulator-server"); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});
	private volatile boolean closed;

	/** Starts serving on an ephemeral loopback port. */
	public SimulatorServer(SimulatedMicroPythonDevice device) throws IOException {
		this.device = device;
		this.serverSocket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
		acceptor.execute(this::serve);
	}

	public int port() {
		return serverSocket.getLocalPort();
	}

	/** @return {@code socket://127.0.0.1:PORT} */
	public String uri() {
		return "socket://127.0.0.1:" + port(); //$NON-NLS-1$
	}

	public SimulatedMicroPythonDevice device() {
		return device;
	}

	private void serve() {
		while (!closed) {
			try {
				Socket socket = serverSocket.accept();
				LineEnd end = device.run(new SocketByteChannel(socket));
				if (end == LineEnd.HARD_RESET) {
					reboot();
				}
			} catch (IOException e) {
				if (!closed) {
					ILog.of(getClass()).warn("The simulator server stopped accepting", e); //$NON-NLS-1$
				}
				return;
			}
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

	@Override
	public void close() {
		closed = true;
		try {
			serverSocket.close();
		} catch (IOException e) {
			// closing anyway
		}
		acceptor.shutdownNow();
		try {
			acceptor.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
