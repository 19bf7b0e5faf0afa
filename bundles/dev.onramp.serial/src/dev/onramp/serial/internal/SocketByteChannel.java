/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/** A serial line carried over TCP ({@code socket://HOST:PORT}): ser2net, esp-link, simulated devices. */
final class SocketByteChannel implements IByteChannel {

	static final String SCHEME = "socket://"; //$NON-NLS-1$

	private final String name;
	private final Socket socket;
	private final InputStream input;
	private final OutputStream output;
	private final Object readLock = new Object();
	private final ServerLine line;

	private SocketByteChannel(String name, Socket socket) throws IOException {
		this.name = name;
		this.socket = socket;
		this.input = socket.getInputStream();
		this.output = socket.getOutputStream();
		this.line = new ServerLine(name, () -> closeQuietly(socket));
	}

	static boolean isSocketAddress(String port) {
		return port.toLowerCase(Locale.ROOT).startsWith(SCHEME);
	}

	/** @param address {@code socket://HOST:PORT}; an IPv6 host in brackets */
	static SocketByteChannel connect(String address, Duration connectTimeout) throws OnrampException {
		InetSocketAddress endpoint = parse(address);
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(endpoint, (int) Math.max(1, connectTimeout.toMillis()));
			return new SocketByteChannel(address, socket);
		} catch (IOException e) {
			closeQuietly(socket);
			throw connectFailure(endpoint, connectTimeout, e);
		}
	}

	/** @return what a failed TCP connection to a serial server means to the user */
	static OnrampException connectFailure(InetSocketAddress endpoint, Duration connectTimeout, IOException e) {
		if (e instanceof ConnectException) {
			return new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"Nothing accepts connections at " + hostAndPort(endpoint) + " (connection refused).", //$NON-NLS-1$ //$NON-NLS-2$
					"Check that the serial server (ser2net, a simulator) is running and listens on that port.", e); //$NON-NLS-1$
		}
		if (e instanceof SocketTimeoutException) {
			return new OnrampException(FailureReason.DEVICE_UNREACHABLE, "No answer from " + hostAndPort(endpoint) //$NON-NLS-1$
					+ " within " + connectTimeout.toMillis() + " ms.", //$NON-NLS-1$ //$NON-NLS-2$
					"Check the address, the network and any firewall between this computer and the serial server.", e); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.DEVICE_UNREACHABLE,
				"Could not connect to " + hostAndPort(endpoint) + ": " + e.getMessage(), //$NON-NLS-1$ //$NON-NLS-2$
				"Check the address and that the serial server is running.", e); //$NON-NLS-1$
	}

	static InetSocketAddress parse(String address) throws OnrampException {
		return parse(address, SCHEME,
				"Write a serial line over TCP as socket://HOST:PORT, for example socket://127.0.0.1:4000."); //$NON-NLS-1$
	}

	/**
	 * @param scheme the address's scheme with {@code ://}, in lower case
	 * @param usage  the hint for a malformed address
	 */
	static InetSocketAddress parse(String address, String scheme, String usage) throws OnrampException {
		try {
			URI uri = new URI("socket://" + address.substring(scheme.length())); //$NON-NLS-1$
			String host = uri.getHost();
			if (host == null || uri.getPort() < 1 || uri.getPort() > 65535 || !isEmpty(uri.getRawPath())
					|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				throw new OnrampException(FailureReason.USAGE, "Not a TCP serial address: " + address, usage); //$NON-NLS-1$
			}
			if (host.startsWith("[") && host.endsWith("]")) { //$NON-NLS-1$ //$NON-NLS-2$
				host = host.substring(1, host.length() - 1);
			}
			InetSocketAddress endpoint = new InetSocketAddress(host, uri.getPort());
			if (endpoint.isUnresolved()) {
				throw new OnrampException(FailureReason.DEVICE_UNREACHABLE, "Unknown host " + host + " in " + address + '.', //$NON-NLS-1$ //$NON-NLS-2$
						"Check the host name, or use the IP address of the serial server."); //$NON-NLS-1$
			}
			return endpoint;
		} catch (URISyntaxException e) {
			throw new OnrampException(FailureReason.USAGE, "Not a TCP serial address: " + address, usage, e); //$NON-NLS-1$
		}
	}

	private static boolean isEmpty(String path) {
		return path == null || path.isEmpty() || "/".equals(path); //$NON-NLS-1$
	}

	private static String hostAndPort(InetSocketAddress endpoint) {
		return endpoint.getHostString() + ':' + endpoint.getPort();
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		Objects.checkFromIndexSize(offset, length, buffer.length);
		synchronized (readLock) {
			line.ensureOpen();
			if (length == 0) {
				return 0;
			}
			try {
				long millis = Math.max(0, Math.ceilDiv(timeout.toNanos(), 1_000_000L));
				if (millis == 0 && input.available() == 0) {
					return 0;
				}
				// SO_TIMEOUT 0 would wait forever
				socket.setSoTimeout((int) Math.clamp(millis, 1, Integer.MAX_VALUE));
				int count = input.read(buffer, offset, length);
				if (count < 0) {
					throw line.lost(null);
				}
				return count;
			} catch (SocketTimeoutException e) {
				return 0;
			} catch (IOException e) {
				throw line.lost(e);
			}
		}
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		Objects.checkFromIndexSize(offset, length, data.length);
		line.ensureOpen();
		try {
			output.write(data, offset, length);
			output.flush();
		} catch (IOException e) {
			throw line.lost(e);
		}
	}

	@Override
	public boolean isOpen() {
		return line.isOpen();
	}

	@Override
	public void close() {
		line.close();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		} catch (IOException e) {
			// nothing left to release
		}
	}
}
