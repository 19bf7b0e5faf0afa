/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;

/**
 * The SoftAP transport of protocomm: every endpoint is {@code POST /<endpoint>} on one keep-alive connection, with
 * the session cookie the device set on its first answer. Written on a plain socket rather than an HTTP client library
 * because the protocol's failure signal is a connection closed without any response, which must not be retried or
 * hidden.
 */
public class SoftApHttpTransport implements IProtocommTransport {

	private static final int MAX_BODY = 64 * 1024;
	private static final int MAX_CONNECT_MILLIS = 10_000;

	private final String host;
	private final int port;
	private final Deadline deadline;
	private Socket socket;
	private InputStream in;
	private OutputStream out;
	private String cookie;

	public SoftApHttpTransport(String host, int port, Deadline deadline) {
		this.host = host;
		this.port = port;
		this.deadline = deadline;
	}

	/** @return {@code HOST:PORT} */
	public String address() {
		return host + ":" + port; //$NON-NLS-1$
	}

	@Override
	public String where() {
		return "at " + address(); //$NON-NLS-1$
	}

	/** {@code POST /<endpoint>}: the reply is the body of a 200 answer; a close without an answer is a rejection. */
	@Override
	public byte[] exchange(String endpoint, byte[] body) throws OnrampException, DeviceClosedException {
		connectIfNeeded();
		try {
			socket.setSoTimeout(timeLeft());
			StringBuilder head = new StringBuilder();
			head.append("POST /").append(endpoint).append(" HTTP/1.1\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
			head.append("Host: ").append(address()).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
			head.append("Content-type: application/x-www-form-urlencoded\r\n"); //$NON-NLS-1$
			head.append("Accept: text/plain\r\n"); //$NON-NLS-1$
			head.append("Connection: keep-alive\r\n"); //$NON-NLS-1$
			if (cookie != null) {
				head.append("Cookie: ").append(cookie).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			head.append("Content-Length: ").append(body.length).append("\r\n\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
			out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return readResponse(endpoint);
		} catch (SocketTimeoutException e) {
			close();
			throw timeout(endpoint);
		} catch (DeviceClosedException e) {
			close();
			throw e;
		} catch (IOException e) {
			// a reset or a broken pipe: protocomm's rejection is an orderly close (an end of stream, handled above),
			// so this is the device restarting or the link dropping, never a verdict on the request
			close();
			throw new ConnectionResetException(address(), endpoint);
		}
	}

	private OnrampException timeout(String endpoint) {
		return new OnrampException(FailureReason.TIMEOUT,
				"The device at " + address() + " did not answer /" + endpoint + " within " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ deadline.totalText() + ".", //$NON-NLS-1$
				"Check that the device is still in provisioning mode and that this computer is joined to its access point (PROV_...); a slow device may need more time.") //$NON-NLS-1$
				.withRemedy(Remedy.MORE_TIME);
	}

	private int timeLeft() throws OnrampException {
		int left = deadline.remainingMillis();
		if (left == 0) {
			close();
			throw new OnrampException(FailureReason.TIMEOUT, "Provisioning did not finish within " //$NON-NLS-1$
					+ deadline.totalText() + ".", //$NON-NLS-1$
					"Check that the device is in provisioning mode and in range, or give it more time.") //$NON-NLS-1$
					.withRemedy(Remedy.MORE_TIME);
		}
		return left;
	}

	private void connectIfNeeded() throws OnrampException, DeviceClosedException {
		if (socket != null) {
			return;
		}
		if (cookie != null) {
			// a new connection would start a new session on the device: the old one is gone
			throw new DeviceClosedException("The connection to the device was lost"); //$NON-NLS-1$
		}
		Socket candidate = new Socket();
		try {
			candidate.setTcpNoDelay(true);
			candidate.connect(new InetSocketAddress(host, port), Math.min(timeLeft(), MAX_CONNECT_MILLIS));
			socket = candidate;
			// buffered: the header is parsed byte by byte, which would otherwise be one system call per byte
			in = new BufferedInputStream(candidate.getInputStream());
			out = candidate.getOutputStream();
		} catch (IOException e) {
			try {
				candidate.close();
			} catch (IOException ignored) {
				// nothing more to release
			}
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"Cannot connect to the provisioning endpoint " + address() + " (" + e.getMessage() + ").", //$NON-NLS-1$ //$NON-NLS-2$
					"Join this computer to the device's access point (PROV_...) and check that the device is in provisioning mode; the default endpoint is 192.168.4.1:80.", //$NON-NLS-1$
					e);
		}
	}

	private byte[] readResponse(String endpoint) throws IOException, OnrampException {
		String statusLine = readLine(endpoint, true);
		String[] parts = statusLine.split(" ", 3); //$NON-NLS-1$
		if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) { //$NON-NLS-1$
			throw protocolError(endpoint, "it did not answer with HTTP"); //$NON-NLS-1$
		}
		int status;
		try {
			status = Integer.parseInt(parts[1]);
		} catch (NumberFormatException e) {
			throw protocolError(endpoint, "its HTTP status is malformed"); //$NON-NLS-1$
		}
		int contentLength = -1;
		boolean closeAfter = false;
		for (String line = readLine(endpoint, false); !line.isEmpty(); line = readLine(endpoint, false)) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				throw protocolError(endpoint, "an HTTP header is malformed"); //$NON-NLS-1$
			}
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			switch (name) {
			case "content-length" -> { //$NON-NLS-1$
				try {
					contentLength = Integer.parseInt(value);
				} catch (NumberFormatException e) {
					throw protocolError(endpoint, "its Content-Length is malformed"); //$NON-NLS-1$
				}
				if (contentLength < 0 || contentLength > MAX_BODY) {
					throw protocolError(endpoint, "its answer is too large"); //$NON-NLS-1$
				}
			}
			case "set-cookie" -> { //$NON-NLS-1$
				String first = value.split(";", 2)[0].trim(); //$NON-NLS-1$
				if (first.startsWith("session=")) { //$NON-NLS-1$
					cookie = first;
				}
			}
			case "connection" -> closeAfter = "close".equalsIgnoreCase(value); //$NON-NLS-1$ //$NON-NLS-2$
			case "transfer-encoding" -> throw protocolError(endpoint, "it used a transfer encoding protocomm never uses"); //$NON-NLS-1$ //$NON-NLS-2$
			default -> {
				// other headers carry nothing for protocomm
			}
			}
		}
		byte[] body = contentLength >= 0 ? readBody(endpoint, contentLength) : readToEnd(endpoint);
		if (closeAfter || contentLength < 0) {
			closeSocketOnly();
		}
		if (status == 404) {
			throw new EndpointNotFoundException(address(), endpoint);
		}
		if (status != 200) {
			throw protocolError(endpoint, "it answered HTTP " + status); //$NON-NLS-1$
		}
		return body;
	}

	private byte[] readBody(String endpoint, int length) throws IOException, OnrampException {
		byte[] body = new byte[length];
		int at = 0;
		while (at < length) {
			checkDeadline();
			int n = in.read(body, at, length - at);
			if (n < 0) {
				throw truncated(endpoint);
			}
			at += n;
		}
		return body;
	}

	private byte[] readToEnd(String endpoint) throws IOException, OnrampException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		byte[] chunk = new byte[1024];
		for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
			buffer.write(chunk, 0, n);
			if (buffer.size() > MAX_BODY) {
				throw protocolError(endpoint, "its answer is too large"); //$NON-NLS-1$
			}
			checkDeadline();
		}
		return buffer.toByteArray();
	}

	/**
	 * @throws DeviceClosedException   when the connection ends before the first byte: protocomm's rejection
	 * @throws TruncatedReplyException when it ends inside the header
	 */
	private String readLine(String endpoint, boolean first) throws IOException, OnrampException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			checkDeadline();
			int b = in.read();
			if (b < 0) {
				if (first && line.size() == 0) {
					throw new DeviceClosedException("The device closed the connection without an answer"); //$NON-NLS-1$
				}
				if (first && !looksLikeHttp(line)) {
					throw protocolError(endpoint, "it did not answer with HTTP"); //$NON-NLS-1$
				}
				throw truncated(endpoint);
			}
			if (b == '\n') {
				break;
			}
			if (b != '\r') {
				line.write(b);
			}
			if (first && line.size() == 5 && !looksLikeHttp(line)) {
				// noise or another protocol: no need to wait for a line end that may never come
				throw protocolError(endpoint, "it did not answer with HTTP"); //$NON-NLS-1$
			}
			if (line.size() > 8192) {
				throw protocolError(endpoint, "an HTTP header line is too long"); //$NON-NLS-1$
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static boolean looksLikeHttp(ByteArrayOutputStream line) {
		byte[] start = line.toByteArray();
		byte[] http = "HTTP/".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
		for (int i = 0; i < Math.min(start.length, http.length); i++) {
			if (start[i] != http[i]) {
				return false;
			}
		}
		return true;
	}

	/** Each read has the time left as its own timeout; this bounds a device that trickles its answer. */
	private void checkDeadline() throws SocketTimeoutException {
		if (deadline.expired()) {
			throw new SocketTimeoutException();
		}
	}

	private TruncatedReplyException truncated(String endpoint) {
		closeSocketOnly();
		return new TruncatedReplyException(address(), endpoint);
	}

	private OnrampException protocolError(String endpoint, String why) {
		closeSocketOnly();
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"The device at " + address() + " did not answer /" + endpoint + " as ESP-IDF provisioning does: " + why //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ ".", //$NON-NLS-1$
				"Check the endpoint address and that the device runs ESP-IDF Wi-Fi provisioning over SoftAP."); //$NON-NLS-1$
	}

	private void closeSocketOnly() {
		if (socket != null) {
			try {
				socket.close();
			} catch (IOException ignored) {
				// closing is best effort
			}
			socket = null;
			in = null;
			out = null;
		}
	}

	@Override
	public void close() {
		closeSocketOnly();
	}
}
