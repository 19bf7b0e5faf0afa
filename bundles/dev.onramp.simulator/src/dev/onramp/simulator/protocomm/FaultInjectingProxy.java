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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * An HTTP relay on 127.0.0.1 in front of a {@link SimulatedProtocommDevice} that replaces one chosen answer with a
 * broken one, as a failing device, a flaky link or a captive portal would give: the device itself stays correct and
 * every other request passes through unchanged, so a fault can hit any step (proto-ver, the handshake, a config
 * request, the status poll after apply).
 */
public final class FaultInjectingProxy implements AutoCloseable {

	/** What the relay sends instead of the device's answer. */
	public enum Fault {
		/** the status line and part of a header, then the connection closes */
		HEADERS_CUT,
		/** a Content-Length longer than the body that follows, then the connection closes */
		BODY_SHORT,
		/** a line that is not HTTP at all, then the connection closes */
		NOT_HTTP,
		/** binary noise without any line end, then the connection closes */
		BINARY_NOISE,
		/** an HTTP 500 with a text body, connection kept */
		STATUS_500,
		/** an HTTP 404, connection kept */
		STATUS_404,
		/** an HTTP 405, connection kept */
		STATUS_405,
		/** a 200 whose body is not a protobuf message (nor a valid ciphertext), connection kept */
		GARBAGE_BODY,
		/** no answer at all; the connection stays open */
		SILENT,
		/** the device's own answer, one byte every 100 ms */
		TRICKLE,
		/**
		 * the request reaches the device, then the connection is reset (TCP RST) instead of answered: the device
		 * restarted or the Wi-Fi link dropped
		 */
		RESET,
		/** the device's own answer, whole, after the delay given to {@link FaultInjectingProxy#startDelayed} */
		DELAYED
	}

	private final String upstreamHost;
	private final int upstreamPort;
	private final String endpoint;
	private final int occurrence;
	private final Fault fault;
	private final Duration delay;
	private final ServerSocket server;
	private final Thread acceptor;
	private final List<Socket> sockets = new CopyOnWriteArrayList<>();
	private final Map<String, Integer> seen = new HashMap<>();
	private volatile boolean running = true;

	private FaultInjectingProxy(SimulatedProtocommDevice device, String endpoint, int occurrence, Fault fault,
			Duration delay) throws IOException {
		this.upstreamHost = InetAddress.getLoopbackAddress().getHostAddress();
		this.upstreamPort = device.port();
		this.endpoint = endpoint;
		this.occurrence = occurrence;
		this.fault = fault;
		this.delay = delay;
		server = new ServerSocket();
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		acceptor = new Thread(this::acceptLoop, "protocomm-fault-proxy-" + server.getLocalPort()); //$NON-NLS-1$
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * @param endpoint   the endpoint whose answer breaks, for example {@code prov-config}
	 * @param occurrence which request to that endpoint breaks, counting from 1
	 */
	public static FaultInjectingProxy start(SimulatedProtocommDevice device, String endpoint, int occurrence,
			Fault fault) throws IOException {
		return new FaultInjectingProxy(device, endpoint, occurrence, fault, Duration.ZERO);
	}

	/**
	 * A relay whose chosen answer comes late, as from a slow device: {@link Fault#DELAYED}.
	 *
	 * @param delay how long the device's answer is held back
	 */
	public static FaultInjectingProxy startDelayed(SimulatedProtocommDevice device, String endpoint, int occurrence,
			Duration delay) throws IOException {
		return new FaultInjectingProxy(device, endpoint, occurrence, Fault.DELAYED, delay);
	}

	/** @return how many requests the relay passed to the device, by endpoint */
	public Map<String, Integer> requests() {
		synchronized (seen) {
			return Map.copyOf(seen);
		}
	}

	/** @return {@code 127.0.0.1:PORT} of the relay, as {@code --endpoint} takes it */
	public String endpoint() {
		return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort(); //$NON-NLS-1$
	}

	private void acceptLoop() {
		while (running) {
			try {
				Socket client = server.accept();
				sockets.add(client);
				Thread worker = new Thread(() -> relay(client), "protocomm-fault-proxy-connection"); //$NON-NLS-1$
				worker.setDaemon(true);
				worker.start();
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	private void relay(Socket client) {
		try (client; Socket upstream = new Socket()) {
			sockets.add(upstream);
			upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), 5000);
			InputStream fromClient = client.getInputStream();
			OutputStream toClient = client.getOutputStream();
			InputStream fromDevice = upstream.getInputStream();
			OutputStream toDevice = upstream.getOutputStream();
			while (running) {
				Message request = Message.read(fromClient);
				if (request == null) {
					return;
				}
				String path = request.head.split(" ", 3)[1]; //$NON-NLS-1$
				String name = path.startsWith("/") ? path.substring(1) : path; //$NON-NLS-1$
				boolean broken;
				synchronized (seen) {
					int count = seen.merge(name, Integer.valueOf(1), Integer::sum).intValue();
					broken = name.equals(endpoint) && count == occurrence;
				}
				toDevice.write(request.bytes());
				toDevice.flush();
				Message answer = Message.read(fromDevice);
				if (answer == null) {
					return; // the device closed without answering: pass that on
				}
				if (!broken) {
					toClient.write(answer.bytes());
					toClient.flush();
				} else if (!inject(answer, client, toClient)) {
					return;
				}
			}
		} catch (IOException e) {
			// either side went away
		}
	}

	/** @return whether the connection stays open */
	private boolean inject(Message answer, Socket client, OutputStream out) throws IOException {
		switch (fault) {
		case RESET -> {
			// linger 0: close() sends a reset rather than an orderly end of stream
			client.setSoLinger(true, 0);
			client.close();
			return false;
		}
		case DELAYED -> {
			// the firmware is slow: a rate of the simulated device, not a synchronisation
			long until = System.nanoTime() + delay.toNanos();
			for (long left = delay.toNanos(); left > 0 && running; left = until - System.nanoTime()) {
				LockSupport.parkNanos(left);
			}
			out.write(answer.bytes());
		}
		case HEADERS_CUT -> out.write("HTTP/1.1 200 OK\r\nContent-Ty".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		case BODY_SHORT -> {
			out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + (answer.body.length + 100) + "\r\n\r\n") //$NON-NLS-1$ //$NON-NLS-2$
					.getBytes(StandardCharsets.US_ASCII));
			out.write(answer.body);
		}
		case NOT_HTTP -> out.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		case BINARY_NOISE -> {
			byte[] noise = new byte[700];
			new Random(7).nextBytes(noise);
			for (int i = 0; i < noise.length; i++) {
				if (noise[i] == '\n') {
					noise[i] = 0;
				}
			}
			out.write(noise);
		}
		case STATUS_500 -> status(out, "500 Internal Server Error", "Internal Server Error"); //$NON-NLS-1$ //$NON-NLS-2$
		case STATUS_404 -> status(out, "404 Not Found", "This URI does not exist"); //$NON-NLS-1$ //$NON-NLS-2$
		case STATUS_405 -> status(out, "405 Method Not Allowed", "Request method is not supported"); //$NON-NLS-1$ //$NON-NLS-2$
		case GARBAGE_BODY -> {
			// field 1 with wire type 7, which protobuf does not have, followed by noise
			byte[] body = { 0x0f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x13, 0x37, 0x00 };
			out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n") //$NON-NLS-1$ //$NON-NLS-2$
					.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
		}
		case SILENT -> {
			// hold the connection open until the client or close() ends it
			out.flush();
			return true;
		}
		case TRICKLE -> {
			for (byte b : answer.bytes()) {
				out.write(b);
				out.flush();
				try {
					Thread.sleep(100);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		}
		out.flush();
		return fault == Fault.STATUS_500 || fault == Fault.STATUS_404 || fault == Fault.STATUS_405
				|| fault == Fault.GARBAGE_BODY || fault == Fault.TRICKLE || fault == Fault.DELAYED;
	}

	private static void status(OutputStream out, String status, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.US_ASCII);
		out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length //$NON-NLS-1$ //$NON-NLS-2$
				+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
		out.write(body);
	}

	@Override
	public void close() {
		running = false;
		try {
			server.close();
		} catch (IOException e) {
			// already closed
		}
		for (Socket socket : sockets) {
			try {
				socket.close();
			} catch (IOException e) {
				// already closed
			}
		}
		try {
			acceptor.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** One HTTP/1.1 request or answer with a Content-Length body. */
	private record Message(String head, byte[] headerBytes, byte[] body) {

		byte[] bytes() {
			byte[] all = new byte[headerBytes.length + body.length];
			System.arraycopy(headerBytes, 0, all, 0, headerBytes.length);
			System.arraycopy(body, 0, all, headerBytes.length, body.length);
			return all;
		}

		static Message read(InputStream in) throws IOException {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			String first = line(in, raw);
			if (first == null) {
				return null;
			}
			int length = 0;
			for (String header = line(in, raw); header != null && !header.isEmpty(); header = line(in, raw)) {
				int colon = header.indexOf(':');
				if (colon > 0 && "content-length".equals(header.substring(0, colon).trim().toLowerCase(Locale.ROOT))) { //$NON-NLS-1$
					length = Integer.parseInt(header.substring(colon + 1).trim());
				}
			}
			byte[] body = in.readNBytes(length);
			if (body.length < length) {
				return null;
			}
			return new Message(first, raw.toByteArray(), body);
		}

		private static String line(InputStream in, ByteArrayOutputStream raw) throws IOException {
			ByteArrayOutputStream text = new ByteArrayOutputStream();
			while (true) {
				int b = in.read();
				if (b < 0) {
					return null;
				}
				raw.write(b);
				if (b == '\n') {
					return text.toString(StandardCharsets.ISO_8859_1);
				}
				if (b != '\r') {
					text.write(b);
				}
			}
		}
	}
}
