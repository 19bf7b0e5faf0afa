/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on 127.0.0.1 and an ephemeral port that completes handshakes with a given key and chain, as a
 * blessed device does; {@link #silent()} and {@link #plain()} stand for devices that hang or do not speak TLS.
 */
final class LoopbackHttpsServer implements AutoCloseable {

	private final ServerSocket socket;
	private final ExecutorService acceptor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "loopback-https"); //$NON-NLS-1$
		thread.setDaemon(true);
		return thread;
	});

	private LoopbackHttpsServer(ServerSocket socket, Behaviour behaviour) {
		this.socket = socket;
		acceptor.execute(() -> serve(behaviour));
	}

	private interface Behaviour {
		void handle(Socket connection) throws IOException;
	}

	static LoopbackHttpsServer serving(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException,
			IOException {
		char[] password = "server".toCharArray(); //$NON-NLS-1$
		KeyStore store = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		store.load(null, null);
		store.setKeyEntry("device", key, password, chain.toArray(Certificate[]::new)); //$NON-NLS-1$
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, password);
		SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
		context.init(keys.getKeyManagers(), null, null);
		SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
				InetAddress.getLoopbackAddress());
		return new LoopbackHttpsServer(server, connection -> {
			try (SSLSocket tls = (SSLSocket) connection) {
				tls.setSoTimeout(5000);
				tls.startHandshake();
				tls.getInputStream().read(); // until the client closes
			}
		});
	}

	/** A server that accepts connections and never answers. */
	static LoopbackHttpsServer silent() throws IOException {
		return new LoopbackHttpsServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), connection -> {
			connection.getInputStream().readAllBytes();
			connection.close();
		});
	}

	/** A server that answers in plain HTTP, as a device does before it is blessed. */
	static LoopbackHttpsServer plain() throws IOException {
		return new LoopbackHttpsServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), connection -> {
			try (connection) {
				connection.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes()); //$NON-NLS-1$
			}
		});
	}

	int port() {
		return socket.getLocalPort();
	}

	/** @return {@code https://<host>:<port>/}; connect with the loopback address to reach this server */
	URI url(String host) {
		return URI.create("https://" + host + ':' + port() + '/'); //$NON-NLS-1$
	}

	private void serve(Behaviour behaviour) {
		while (!socket.isClosed()) {
			try {
				Socket connection = socket.accept();
				Thread.ofVirtual().start(() -> {
					try {
						behaviour.handle(connection);
					} catch (IOException e) {
						// the client went away or rejected us: the test's assertions cover that
					}
				});
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		socket.close();
		acceptor.shutdownNow();
		acceptor.awaitTermination(5, TimeUnit.SECONDS);
	}
}
