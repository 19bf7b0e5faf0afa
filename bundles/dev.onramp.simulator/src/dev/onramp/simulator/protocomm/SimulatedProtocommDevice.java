/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.onramp.simulator.protocomm.ProtocommHttp.Request;

/**
 * An ESP-IDF device in SoftAP provisioning mode, on 127.0.0.1 and an ephemeral port: protocomm over HTTP with the
 * firmware's habits — a session cookie, one session at a time, a socket closed without any response whenever a
 * handler fails (wrong PoP, wrong username, bad state, decryption failure), and the service stopped about a second
 * after it reported Connected.
 */
public final class SimulatedProtocommDevice implements AutoCloseable {

	private final ProtocommDeviceConfig config;
	private final ProtocommFirmware firmware;
	private final ServerSocket server;
	private final Thread acceptor;
	private final List<Socket> connections = new CopyOnWriteArrayList<>();
	private final List<Thread> workers = new CopyOnWriteArrayList<>();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "protocomm-device-timer"); //$NON-NLS-1$
		thread.setDaemon(true);
		return thread;
	});
	private final CountDownLatch stopped = new CountDownLatch(1);
	private volatile boolean serving = true;
	/** Guarded by {@link #stopped}. */
	private Socket portHolder;

	private SimulatedProtocommDevice(ProtocommDeviceConfig config) throws IOException {
		this.config = config;
		this.firmware = new ProtocommFirmware(config);
		server = new ServerSocket();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		acceptor = new Thread(this::acceptLoop, "protocomm-device-" + server.getLocalPort()); //$NON-NLS-1$
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Starts a device listening on 127.0.0.1. */
	public static SimulatedProtocommDevice start(ProtocommDeviceConfig config) throws IOException {
		return new SimulatedProtocommDevice(config);
	}

	public int port() {
		return server.getLocalPort();
	}

	/** @return {@code 127.0.0.1:PORT}, as {@code --endpoint} takes it */
	public String endpoint() {
		return server.getInetAddress().getHostAddress() + ":" + port(); //$NON-NLS-1$
	}

	/** @return whether the provisioning service still runs (it stops after reporting Connected) */
	public boolean serving() {
		return serving;
	}

	/** @return whether the provisioning service stopped within the time given */
	public boolean awaitServiceStopped(Duration timeout) throws InterruptedException {
		return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	public int resets() {
		return firmware.resets();
	}

	public String associatedUser() {
		return firmware.associatedUser();
	}

	public String lastReceivedSsid() {
		return firmware.lastReceivedSsid();
	}

	/** @return how many networks the scan reports */
	public int visibleNetworks() {
		return firmware.visibleNetworks();
	}

	/** @return the {@code proto-ver} answer */
	public String protoVersion() {
		return firmware.protoVersion();
	}

	/** @return the firmware behind the HTTP server, for a test that reaches the same device over another transport */
	public ProtocommFirmware firmware() {
		return firmware;
	}

	private void acceptLoop() {
		while (serving) {
			try {
				Socket socket = server.accept();
				// the answer goes out as two writes (head, body): with Nagle's algorithm the body would wait for the
				// client's delayed ACK, adding ~40 ms to every exchange of a device that should have no delay
				try {
					socket.setTcpNoDelay(true);
				} catch (IOException e) {
					// only slower
				}
				connections.add(socket);
				Thread worker = new Thread(() -> serve(socket), "protocomm-device-connection"); //$NON-NLS-1$
				worker.setDaemon(true);
				workers.add(worker);
				worker.start();
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			while (serving) {
				Request request = Request.read(in);
				if (request == null) {
					return;
				}
				if (config.silent()) {
					continue;
				}
				if (!handle(request, out, socket)) {
					return; // firmware closes the socket without a response
				}
			}
		} catch (IOException e) {
			// the client went away or the device closed the socket
		} finally {
			connections.remove(socket);
		}
	}

	private boolean handle(Request request, OutputStream out, Socket socket) throws IOException {
		if (!"POST".equals(request.method)) { //$NON-NLS-1$
			ProtocommHttp.respond(out, 405, new byte[0], null);
			return true;
		}
		switch (config.replyFault()) {
		case NOT_HTTP -> {
			out.write("220 smtp.example ESMTP ready\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
			out.flush();
			return false;
		}
		case TRUNCATED_BODY -> {
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 64\r\n\r\n{\"prov\":".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
			out.flush();
			return false;
		}
		default -> {
			// a well-behaved device
		}
		}
		String endpoint = request.path.startsWith("/") ? request.path.substring(1) : request.path; //$NON-NLS-1$
		byte[] answer;
		String setCookie = null;
		boolean connectedNow;
		synchronized (firmware) {
			if (!serving) {
				return false;
			}
			String cookie = request.cookie();
			if (cookie == null || !cookie.equals(Long.toString(firmware.sessionId()))) {
				// a request without the current cookie starts a new session, ending the old one
				setCookie = "session=" + firmware.newSession(); //$NON-NLS-1$
			}
			try {
				answer = firmware.handle(endpoint, request.body);
			} catch (IOException e) {
				return false;
			}
			if (answer == null) {
				ProtocommHttp.respond(out, 404, "Not found".getBytes(StandardCharsets.US_ASCII), setCookie); //$NON-NLS-1$
				return true;
			}
			connectedNow = firmware.takeConnectedReport();
		}
		ProtocommHttp.respond(out, 200, answer, setCookie);
		if (connectedNow) {
			try {
				timer.schedule(this::stopService, config.stopAfterConnected().toMillis(), TimeUnit.MILLISECONDS);
			} catch (RejectedExecutionException e) {
				// the device was closed while answering: nothing left to stop
			}
		}
		if (config.dropAfterApply() && "prov-config".equals(endpoint) && firmware.applying()) { //$NON-NLS-1$
			stopService();
			return false;
		}
		return true;
	}

	/**
	 * Ends the provisioning service, as firmware does after success: the listener and every connection close. The
	 * port stays bound, not listening, until {@link #close()}: like a device whose access point went down, a client
	 * that comes back is refused. A freed loopback port would be handed to the next socket that asks, and a client
	 * could meet that stranger instead; or, TCP's simultaneous open being possible on loopback, its own request
	 * echoed back (which reads as a protocol error, not as an unreachable device).
	 */
	public void stopService() {
		serving = false;
		synchronized (stopped) {
			if (!server.isClosed()) {
				int port = server.getLocalPort();
				try {
					server.close();
				} catch (IOException e) {
					// already closed
				}
				portHolder = holdPort(server.getInetAddress(), port);
			}
		}
		for (Socket socket : connections) {
			try {
				socket.close();
			} catch (IOException e) {
				// already closed
			}
		}
		stopped.countDown();
	}

	/**
	 * @return an unconnected socket bound to the port, or null when the port is already someone else's. Bound
	 *         without {@code SO_REUSEADDR} when it can be, so that no other socket can take the port: on Linux a
	 *         listener with {@code SO_REUSEADDR} (every Java {@code ServerSocket}) may share a port with a bound,
	 *         non-listening socket that also has it, and a client would then meet that stranger.
	 */
	private static Socket holdPort(InetAddress address, int port) {
		Socket exclusive = bind(address, port, false);
		// the connections the device closed leave TIME_WAIT entries on the port, which only a reusing bind may pass
		return exclusive != null ? exclusive : bind(address, port, true);
	}

	private static Socket bind(InetAddress address, int port, boolean reuse) {
		Socket holder = new Socket();
		try {
			holder.setReuseAddress(reuse);
			holder.bind(new InetSocketAddress(address, port));
			return holder;
		} catch (IOException e) {
			try {
				holder.close();
			} catch (IOException ignored) {
				// nothing was bound
			}
			return null;
		}
	}

	@Override
	public void close() {
		stopService();
		synchronized (stopped) {
			if (portHolder != null) {
				try {
					portHolder.close();
				} catch (IOException e) {
					// released either way
				}
				portHolder = null;
			}
		}
		timer.shutdownNow();
		try {
			acceptor.join(2000);
			for (Thread worker : workers) {
				worker.join(2000);
			}
			timer.awaitTermination(2, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
