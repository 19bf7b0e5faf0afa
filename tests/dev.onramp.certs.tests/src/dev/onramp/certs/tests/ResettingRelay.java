/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a real TLS server that resets every connection (TCP RST) in the middle of the
 * TLS handshake: the client's bytes pass, and after the first {@code serverBytes} bytes of the server's answer the
 * relay resets the client's connection, as a device that restarts or runs out of memory mid-handshake does.
 */
final class ResettingRelay implements AutoCloseable {

	private final ServerSocket server;
	private final int upstreamPort;
	private final int serverBytes;
	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ResettingRelay(int upstreamPort, int serverBytes) throws IOException {
		this.upstreamPort = upstreamPort;
		this.serverBytes = serverBytes;
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread.ofVirtual().name("resetting-relay").start(this::accept); //$NON-NLS-1$
	}

	/** @param serverBytes how much of the server's first answer reaches the client before the reset */
	static ResettingRelay start(int upstreamPort, int serverBytes) throws IOException {
		return new ResettingRelay(upstreamPort, serverBytes);
	}

	int port() {
		return server.getLocalPort();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				sockets.add(client);
				Thread.ofVirtual().start(() -> relay(client));
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	private void relay(Socket client) {
		try (Socket upstream = new Socket()) {
			sockets.add(upstream);
			upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 5000);
			Thread.ofVirtual().start(() -> pump(client, upstream));
			InputStream fromServer = upstream.getInputStream();
			OutputStream toClient = client.getOutputStream();
			byte[] chunk = new byte[256];
			int passed = 0;
			while (passed < serverBytes) {
				int n = fromServer.read(chunk, 0, Math.min(chunk.length, serverBytes - passed));
				if (n < 0) {
					break;
				}
				toClient.write(chunk, 0, n);
				toClient.flush();
				passed += n;
			}
			if (serverBytes == 0) {
				// wait for the client's hello to arrive upstream: the reset comes after the client spoke
				fromServer.read();
			}
			client.setSoLinger(true, 0); // close() now resets instead of ending the stream in order
			client.close();
		} catch (IOException e) {
			// a side went away
		}
	}

	private static void pump(Socket from, Socket to) {
		byte[] chunk = new byte[1024];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
				out.write(chunk, 0, n);
				out.flush();
			}
		} catch (IOException e) {
			// the reset or the close ends this direction
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
		for (Socket socket : sockets) {
			socket.close();
		}
	}
}
