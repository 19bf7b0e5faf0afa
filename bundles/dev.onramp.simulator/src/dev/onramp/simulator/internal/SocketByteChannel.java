/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/** The device's end of a TCP connection (serial over TCP, like ser2net). */
public final class SocketByteChannel implements IByteChannel {

	private final Socket socket;
	private final InputStream in;
	private final OutputStream out;
	private final String name;

	public SocketByteChannel(Socket socket) throws IOException {
		this.socket = socket;
		socket.setTcpNoDelay(true);
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
		this.name = "socket://" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		try {
			socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
			int n = in.read(buffer, offset, length);
			if (n < 0) {
				throw new OnrampException(FailureReason.DEVICE_VANISHED, "The connection " + name + " was closed."); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return n;
		} catch (SocketTimeoutException e) {
			return 0;
		} catch (IOException e) {
			throw new OnrampException(FailureReason.DEVICE_VANISHED, "The connection " + name + " broke.", null, e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		try {
			out.write(data, offset, length);
			out.flush();
		} catch (IOException e) {
			throw new OnrampException(FailureReason.DEVICE_VANISHED, "The connection " + name + " broke.", null, e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	@Override
	public boolean isOpen() {
		return !socket.isClosed();
	}

	@Override
	public void close() {
		try {
			socket.close();
		} catch (IOException e) {
			// closing anyway
		}
	}
}
