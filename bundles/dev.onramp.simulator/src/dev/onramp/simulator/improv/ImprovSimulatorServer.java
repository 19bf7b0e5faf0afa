/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.improv;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.ILog;

import dev.onramp.simulator.internal.SocketByteChannel;

/**
 * An Improv device behind {@code socket://127.0.0.1:PORT}, the way ser2net would carry a real board's serial line:
 * every connection is a fresh power-on of a {@link SimulatedImprovDevice} with the same networks.
 */
public final class ImprovSimulatorServer implements AutoCloseable {

	private final ServerSocket serverSocket;
	private final Map<String, String> networks;
	private final List<String> extraVisible;
	private final List<SimulatedImprovDevice> devices = new CopyOnWriteArrayList<>();
	private final ExecutorService acceptor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "improv-simulator-server"); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});
	private volatile boolean closed;

	/**
	 * Starts serving on an ephemeral loopback port.
	 *
	 * @param networks     joinable networks, SSID to password
	 * @param extraVisible further SSIDs the scan shows
	 */
	public ImprovSimulatorServer(Map<String, String> networks, List<String> extraVisible) throws IOException {
		this.networks = Map.copyOf(networks);
		this.extraVisible = List.copyOf(extraVisible);
		this.serverSocket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
		acceptor.execute(this::serve);
	}

	public int port() {
		return serverSocket.getLocalPort();
	}

	/** @return {@code socket://127.0.0.1:PORT} */
	public String uri() {
		return "socket://" + serverSocket.getInetAddress().getHostAddress() + ":" + port(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return the SSID the most recent connection received, or {@code null} */
	public String lastReceivedSsid() {
		for (int i = devices.size() - 1; i >= 0; i--) {
			String ssid = devices.get(i).receivedSsid();
			if (ssid != null) {
				return ssid;
			}
		}
		return null;
	}

	private void serve() {
		while (!closed) {
			try {
				Socket socket = serverSocket.accept();
				devices.add(new SimulatedImprovDevice(new SocketByteChannel(socket), networks, extraVisible, false));
			} catch (IOException e) {
				if (!closed) {
					ILog.of(getClass()).warn("The Improv simulator stopped accepting", e); //$NON-NLS-1$
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
		devices.forEach(SimulatedImprovDevice::close);
		try {
			acceptor.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
