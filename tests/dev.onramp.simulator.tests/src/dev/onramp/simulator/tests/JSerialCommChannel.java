/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import java.time.Duration;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * A minimal jSerialComm channel for the pty tests, independent of the serial service under construction (which
 * will replace it).
 */
final class JSerialCommChannel implements IByteChannel {

	private final SerialPort port;

	private JSerialCommChannel(SerialPort port) {
		this.port = port;
	}

	static JSerialCommChannel open(String path) throws OnrampException {
		SerialPort port;
		try {
			port = SerialPort.getCommPort(path);
		} catch (SerialPortInvalidPortException e) {
			throw new OnrampException(FailureReason.PORT_NOT_FOUND, "No port " + path);
		}
		port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
		if (!port.openPort()) {
			throw new OnrampException(FailureReason.PORT_NOT_FOUND, "Cannot open " + path);
		}
		return new JSerialCommChannel(port);
	}

	@Override
	public String name() {
		return port.getSystemPortPath();
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (!port.isOpen()) {
				throw new OnrampException(FailureReason.DEVICE_VANISHED, "closed");
			}
			long millis = Math.ceilDiv(deadline - System.nanoTime(), 1_000_000L);
			if (millis <= 0 && port.bytesAvailable() <= 0) {
				return 0;
			}
			port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.clamp(millis, 1, 100), 0);
			int n = port.readBytes(buffer, length, offset);
			if (n < 0) {
				throw new OnrampException(FailureReason.DEVICE_VANISHED, "The pty " + name() + " vanished.");
			}
			if (n > 0) {
				return n;
			}
		}
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		int written = 0;
		while (written < length) {
			int n = port.writeBytes(data, length - written, offset + written);
			// jSerialComm reports a failed write() (EIO on a vanished pty) as nothing written
			if (n <= 0) {
				throw new OnrampException(FailureReason.DEVICE_VANISHED, "The pty " + name() + " vanished.");
			}
			written += n;
		}
	}

	@Override
	public boolean isOpen() {
		return port.isOpen();
	}

	@Override
	public void close() {
		port.closePort();
	}
}
