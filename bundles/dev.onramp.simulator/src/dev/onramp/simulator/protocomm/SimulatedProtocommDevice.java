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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
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
	private final DeviceWifi wifi;
	private final byte[] salt;
	private final byte[] verifier;
	private final ServerSocket server;
	private final Thread acceptor;
	private final List<Socket> connections = new CopyOnWriteArrayList<>();
	private final List<Thread> workers = new CopyOnWriteArrayList<>();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "protocomm-device-timer"); //$NON-NLS-1$
		thread.setDaemon(true);
		return thread;
	});
	private final SecureRandom random = new SecureRandom();
	private final CountDownLatch stopped = new CountDownLatch(1);
	private volatile boolean serving = true;
	private long sessionId = -1;
	private DeviceCipher cipher;

	private SimulatedProtocommDevice(ProtocommDeviceConfig config) throws IOException {
		this.config = config;
		this.wifi = new DeviceWifi(config);
		if (config.security() == 2) {
			salt = config.salt().orElseGet(() -> {
				byte[] fresh = new byte[16];
				random.nextBytes(fresh);
				return fresh;
			});
			verifier = config.verifier()
					.orElseGet(() -> DeviceSecurity2.verifierFor(config.username(), config.pop().orElse(""), salt)); //$NON-NLS-1$
		} else {
			salt = null;
			verifier = null;
		}
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

	public synchronized int resets() {
		return wifi.resets();
	}

	public synchronized String associatedUser() {
		return wifi.associatedUser();
	}

	public synchronized String lastReceivedSsid() {
		return wifi.lastReceivedSsid();
	}

	/** @return how many networks the scan reports */
	public int visibleNetworks() {
		return wifi.visibleCount();
	}

	/** @return the {@code proto-ver} answer */
	public String protoVersion() {
		List<String> caps = new ArrayList<>();
		caps.add("\"wifi_scan\""); //$NON-NLS-1$
		if (config.security() == 0) {
			caps.add("\"no_sec\""); //$NON-NLS-1$
		}
		if (config.security() == 1 && config.pop().isEmpty()) {
			caps.add("\"no_pop\""); //$NON-NLS-1$
		}
		String rmaker = config.nodeId().isPresent() ? "\"rmaker\":{\"ver\":\"1.0\",\"cap\":[]}," : ""; //$NON-NLS-1$ //$NON-NLS-2$
		return "{" + rmaker + "\"prov\":{\"ver\":\"v1.1\",\"sec_ver\":" + config.security() //$NON-NLS-1$ //$NON-NLS-2$
				+ (config.security() == 2 ? ",\"sec_patch_ver\":" + config.patchVersion() : "") //$NON-NLS-1$ //$NON-NLS-2$
				+ ",\"cap\":[" + String.join(",", caps) + "]}}"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
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
		synchronized (this) {
			if (!serving) {
				return false;
			}
			String cookie = request.cookie();
			if (cookie == null || !cookie.equals(Long.toString(sessionId))) {
				// a request without the current cookie starts a new session, ending the old one
				sessionId = random.nextInt() & 0xffffffffL;
				cipher = newCipher();
				setCookie = "session=" + sessionId; //$NON-NLS-1$
			}
			try {
				answer = dispatch(endpoint, request.body);
			} catch (IOException e) {
				return false;
			}
			if (answer == null) {
				ProtocommHttp.respond(out, 404, "Not found".getBytes(StandardCharsets.US_ASCII), setCookie); //$NON-NLS-1$
				return true;
			}
			connectedNow = wifi.reportedConnected;
			wifi.reportedConnected = false;
		}
		ProtocommHttp.respond(out, 200, answer, setCookie);
		if (connectedNow) {
			try {
				timer.schedule(this::stopService, config.stopAfterConnected().toMillis(), TimeUnit.MILLISECONDS);
			} catch (RejectedExecutionException e) {
				// the device was closed while answering: nothing left to stop
			}
		}
		if (config.dropAfterApply() && "prov-config".equals(endpoint) && wifi.phase() == DeviceWifi.Phase.APPLYING) { //$NON-NLS-1$
			stopService();
			return false;
		}
		return true;
	}

	private DeviceCipher newCipher() {
		return switch (config.security()) {
		case 0 -> new DeviceSecurity0();
		case 1 -> new DeviceSecurity1(config.pop());
		default -> new DeviceSecurity2(config.username(), salt, verifier, config.patchVersion());
		};
	}

	/** @return the answer, or null for an unknown endpoint; IOException = close without a response */
	private byte[] dispatch(String endpoint, byte[] body) throws IOException {
		switch (endpoint) {
		case "proto-ver": //$NON-NLS-1$
			return protoVersion().getBytes(StandardCharsets.UTF_8);
		case "prov-session": //$NON-NLS-1$
			return cipher.handshake(body);
		case "prov-scan": //$NON-NLS-1$
		case "prov-config": //$NON-NLS-1$
		case "prov-ctrl": //$NON-NLS-1$
		case "cloud_user_assoc": //$NON-NLS-1$
		case "custom-data": //$NON-NLS-1$
			if ("cloud_user_assoc".equals(endpoint) && config.nodeId().isEmpty()) { //$NON-NLS-1$
				return null;
			}
			if (!cipher.established()) {
				throw new IOException("no secure session"); //$NON-NLS-1$
			}
			byte[] plain = cipher.decrypt(body);
			byte[] reply = switch (endpoint) {
			case "prov-scan" -> wifi.scan(plain); //$NON-NLS-1$
			case "prov-config" -> wifi.config(plain); //$NON-NLS-1$
			case "prov-ctrl" -> wifi.ctrl(plain); //$NON-NLS-1$
			case "cloud_user_assoc" -> wifi.associate(plain); //$NON-NLS-1$
			default -> "SUCCESS\0".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
			};
			return cipher.encrypt(reply);
		default:
			return null;
		}
	}

	/** Ends the provisioning service, as firmware does after success: the listener and every connection close. */
	public void stopService() {
		serving = false;
		try {
			server.close();
		} catch (IOException e) {
			// already closed
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

	@Override
	public void close() {
		stopService();
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
