/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;

import dev.onramp.core.serial.IByteChannel;

/**
 * A simulated device's serial line carried over TCP on an ephemeral 127.0.0.1 port ({@code socket://127.0.0.1:PORT},
 * like ser2net): accepts one connection after the other on its own thread and hands each to the device as its end
 * of the line.
 */
public final class LoopbackLineServer implements AutoCloseable {

	/** What the device does with a new line; runs on the accepting thread, so the next connection waits for it. */
	@FunctionalInterface
	public interface LineHandler {
		void connected(IByteChannel line);
	}

	private final ServerSocket serverSocket;
	private final ExecutorService acceptor;
	private volatile boolean closed;

	public LoopbackLineServer(String threadName, LineHandler handler) throws IOException {
		this.serverSocket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
		this.acceptor = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, threadName);
			t.setDaemon(true);
			return t;
		});
		acceptor.execute(() -> serve(handler));
	}

	public int port() {
		return serverSocket.getLocalPort();
	}

	/** @return {@code socket://127.0.0.1:PORT} */
	public String uri() {
		return "socket://" + serverSocket.getInetAddress().getHostAddress() + ":" + port(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void serve(LineHandler handler) {
		while (!closed) {
			try {
				Socket socket = serverSocket.accept();
				handler.connected(new SocketByteChannel(socket));
			} catch (IOException e) {
				if (!closed) {
					ILog.of(getClass()).warn("The simulator on " + uri() + " stopped accepting", e); //$NON-NLS-1$ //$NON-NLS-2$
				}
				return;
			}
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
