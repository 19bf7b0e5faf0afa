/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.ByteArrayOutputStream;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
			respond(out, 405, new byte[0], null);
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
				respond(out, 404, "Not found".getBytes(StandardCharsets.US_ASCII), setCookie); //$NON-NLS-1$
				return true;
			}
			connectedNow = wifi.reportedConnected;
			wifi.reportedConnected = false;
		}
		respond(out, 200, answer, setCookie);
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

	private static void respond(OutputStream out, int status, byte[] body, String setCookie) throws IOException {
		StringBuilder head = new StringBuilder();
		head.append("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : status == 404 ? " Not Found" : " Error") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				.append("\r\n"); //$NON-NLS-1$
		head.append("Content-Type: text/plain\r\n"); //$NON-NLS-1$
		head.append("Content-Length: ").append(body.length).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		if (setCookie != null) {
			head.append("Set-Cookie: ").append(setCookie).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		head.append("\r\n"); //$NON-NLS-1$
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
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

	/** One HTTP/1.1 request with a Content-Length body. */
	private static final class Request {
		String method;
		String path;
		final Map<String, String> headers = new HashMap<>();
		byte[] body;

		String cookie() {
			String value = headers.get("cookie"); //$NON-NLS-1$
			if (value == null) {
				return null;
			}
			for (String part : value.split(";")) { //$NON-NLS-1$
				String trimmed = part.trim();
				if (trimmed.startsWith("session=")) { //$NON-NLS-1$
					return trimmed.substring("session=".length()); //$NON-NLS-1$
				}
			}
			return null;
		}

		static Request read(InputStream in) throws IOException {
			String line = line(in);
			if (line == null) {
				return null;
			}
			String[] parts = line.split(" "); //$NON-NLS-1$
			if (parts.length != 3) {
				throw new IOException("bad request line"); //$NON-NLS-1$
			}
			Request request = new Request();
			request.method = parts[0];
			request.path = parts[1];
			for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				if (colon > 0) {
					request.headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
							header.substring(colon + 1).trim());
				}
			}
			int length = Integer.parseInt(request.headers.getOrDefault("content-length", "0")); //$NON-NLS-1$ //$NON-NLS-2$
			if (length < 0 || length > 4096) {
				throw new IOException("bad body length"); //$NON-NLS-1$
			}
			request.body = in.readNBytes(length);
			if (request.body.length < length) {
				throw new IOException("short body"); //$NON-NLS-1$
			}
			return request;
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			while (true) {
				int b = in.read();
				if (b < 0) {
					return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
				}
				if (b == '\n') {
					return buffer.toString(StandardCharsets.ISO_8859_1);
				}
				if (b != '\r') {
					buffer.write(b);
				}
			}
		}
	}
}
