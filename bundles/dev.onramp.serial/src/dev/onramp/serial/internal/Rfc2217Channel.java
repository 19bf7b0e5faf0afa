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
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.net.telnet.InvalidTelnetOptionException;
import org.apache.commons.net.telnet.SimpleOptionHandler;
import org.apache.commons.net.telnet.TelnetClient;
import org.apache.commons.net.telnet.TelnetOption;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;

/**
 * A serial port shared over the network with RFC 2217 ({@code rfc2217://HOST:PORT}: ser2net, esptool's
 * esp_rfc2217_server): Telnet in binary mode with the COM-PORT-OPTION, which carries the baud rate and the modem
 * lines that reset an ESP32. Commons Net speaks Telnet (negotiation, IAC doubling); a pump thread moves what its
 * reader thread decodes into a pipe, so reads wait with a deadline and a closed connection is seen at once.
 */
final class Rfc2217Channel implements IByteChannel {

	static final String SCHEME = "rfc2217://"; //$NON-NLS-1$
	static final Duration NEGOTIATION_TIMEOUT = Duration.ofSeconds(5);

	private static final long NEGOTIATION_POLL_NANOS = Duration.ofMillis(5).toNanos();

	private final String name;
	private final TelnetClient telnet;
	private final ComPortOption comPort;
	private final OutputStream output;
	private final ByteChannelPipe received;
	private final Object writeLock = new Object();
	private final ServerLine line;

	private final IModemLines modemLines = new IModemLines() {
		@Override
		public void setDtr(boolean asserted) throws OnrampException {
			send(ComPortOption.command(ComPortOption.SET_CONTROL,
					asserted ? ComPortOption.CONTROL_DTR_ON : ComPortOption.CONTROL_DTR_OFF));
		}

		@Override
		public void setRts(boolean asserted) throws OnrampException {
			send(ComPortOption.command(ComPortOption.SET_CONTROL,
					asserted ? ComPortOption.CONTROL_RTS_ON : ComPortOption.CONTROL_RTS_OFF));
		}
	};

	private Rfc2217Channel(String name, TelnetClient telnet, ComPortOption comPort) {
		this.name = name;
		this.telnet = telnet;
		this.line = new ServerLine(name, () -> disconnectQuietly(telnet));
		this.comPort = comPort;
		this.output = telnet.getOutputStream();
		this.received = new ByteChannelPipe(name, name);
		Thread pump = new Thread(() -> pump(telnet.getInputStream()), "rfc2217 " + name); //$NON-NLS-1$
		pump.setDaemon(true);
		pump.start();
	}

	static boolean isRfc2217Address(String port) {
		return port.toLowerCase(Locale.ROOT).startsWith(SCHEME);
	}

	/**
	 * Connects, agrees on binary transmission and the COM-PORT-OPTION, and sets the line to {@code baudRate} 8N1
	 * (keeps the server's rate when 0) with both buffers purged.
	 */
	static Rfc2217Channel connect(String address, int baudRate, Duration connectTimeout, Duration negotiationTimeout)
			throws OnrampException {
		InetSocketAddress endpoint = SocketByteChannel.parse(address, SCHEME,
				"Write a serial port shared with RFC 2217 as rfc2217://HOST:PORT," //$NON-NLS-1$
						+ " for example rfc2217://127.0.0.1:4000."); //$NON-NLS-1$
		ComPortOption comPort = new ComPortOption();
		TelnetClient telnet = new TelnetClient();
		try {
			telnet.addOptionHandler(new SimpleOptionHandler(TelnetOption.BINARY, true, true, true, true));
			telnet.addOptionHandler(new SimpleOptionHandler(TelnetOption.SUPPRESS_GO_AHEAD, true, true, true, true));
			telnet.addOptionHandler(comPort);
		} catch (InvalidTelnetOptionException | IOException e) {
			throw new OnrampException(FailureReason.INTERNAL, "Telnet rejected the RFC 2217 options: " + e.getMessage(), //$NON-NLS-1$
					null, e);
		}
		telnet.setConnectTimeout((int) Math.clamp(connectTimeout.toMillis(), 1, Integer.MAX_VALUE));
		try {
			telnet.connect(endpoint.getAddress(), endpoint.getPort());
			telnet.setTcpNoDelay(true);
		} catch (IOException e) {
			// Commons Net offers the options as soon as TCP connects: a failure then is the server hanging up
			boolean connected = telnet.isConnected();
			disconnectQuietly(telnet);
			throw connected ? closedBeforeAgreeing(address, e)
					: SocketByteChannel.connectFailure(endpoint, connectTimeout, e);
		}
		Rfc2217Channel channel = new Rfc2217Channel(address, telnet, comPort);
		try {
			channel.awaitNegotiation(negotiationTimeout);
			if (baudRate > 0) {
				channel.send(ComPortOption.baudRate(baudRate));
			}
			channel.send(ComPortOption.command(ComPortOption.SET_DATASIZE, 8));
			channel.send(ComPortOption.command(ComPortOption.SET_PARITY, ComPortOption.PARITY_NONE));
			channel.send(ComPortOption.command(ComPortOption.SET_STOPSIZE, ComPortOption.STOPSIZE_ONE));
			channel.send(ComPortOption.command(ComPortOption.PURGE_DATA, ComPortOption.PURGE_BOTH));
			return channel;
		} catch (OnrampException e) {
			channel.close();
			throw e;
		}
	}

	/**
	 * Binary transmission in both directions keeps CR and NUL as they are, and the COM-PORT-OPTION must be agreed
	 * before any of its commands. Commons Net tells only after the fact, so the states are polled briefly.
	 */
	private void awaitNegotiation(Duration timeout) throws OnrampException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!(telnet.getLocalOptionState(TelnetOption.BINARY) && telnet.getRemoteOptionState(TelnetOption.BINARY)
				&& telnet.getLocalOptionState(ComPortOption.OPTION))) {
			if (line.hasEnded()) {
				throw closedBeforeAgreeing(name, null);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new OnrampException(FailureReason.PROTOCOL_ERROR, "The server at " + name //$NON-NLS-1$
						+ " did not agree on binary transmission and the RFC 2217 COM-PORT-OPTION within " //$NON-NLS-1$
						+ timeout.toMillis() + " ms.", //$NON-NLS-1$
						"Check that the server speaks RFC 2217 (ser2net: a telnet(rfc2217) accepter); a plain TCP" //$NON-NLS-1$
								+ " serial server is reached as socket://HOST:PORT instead."); //$NON-NLS-1$
			}
			LockSupport.parkNanos(NEGOTIATION_POLL_NANOS);
		}
	}

	private static OnrampException closedBeforeAgreeing(String address, IOException cause) {
		return new OnrampException(FailureReason.DEVICE_VANISHED,
				"The serial server at " + address + " closed the connection before agreeing on RFC 2217.", //$NON-NLS-1$ //$NON-NLS-2$
				"Check that the server shares the port with RFC 2217 (ser2net: a telnet(rfc2217) accepter)" //$NON-NLS-1$
						+ " and that no other program holds it.", //$NON-NLS-1$
				cause);
	}

	private void pump(InputStream input) {
		byte[] chunk = new byte[4096];
		try {
			int count;
			while ((count = input.read(chunk)) >= 0) {
				received.b().write(chunk, 0, count);
			}
		} catch (IOException | OnrampException e) {
			// the connection ended: the reader sees the line vanish once it has read what came before
		} finally {
			line.ended();
			received.b().close();
		}
	}

	/** @return the baud rate the server reported after the last SET-BAUDRATE, if it did */
	OptionalInt serverBaudRate() {
		return comPort.serverBaudRate();
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		Objects.checkFromIndexSize(offset, length, buffer.length);
		if (line.isClosed()) {
			line.ensureOpen();
		}
		try {
			// what arrived before the connection ended is still read
			return received.a().read(buffer, offset, length, timeout);
		} catch (OnrampException e) {
			if (e.reason() != FailureReason.DEVICE_VANISHED) {
				throw e;
			}
			line.ensureOpen();
			disconnectQuietly(telnet);
			throw line.vanished(e);
		}
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		Objects.checkFromIndexSize(offset, length, data.length);
		line.ensureOpen();
		synchronized (writeLock) {
			try {
				output.write(data, offset, length);
				output.flush();
			} catch (IOException e) {
				throw line.lost(e);
			}
		}
	}

	private void send(int[] subnegotiation) throws OnrampException {
		line.ensureOpen();
		synchronized (writeLock) {
			try {
				telnet.sendSubnegotiation(subnegotiation);
			} catch (IOException e) {
				throw line.lost(e);
			}
		}
	}

	@Override
	public Optional<IModemLines> modemLines() {
		return Optional.of(modemLines);
	}

	@Override
	public boolean isOpen() {
		return line.isOpen();
	}

	@Override
	public void close() {
		line.close();
		received.a().close();
	}

	private static void disconnectQuietly(TelnetClient telnet) {
		try {
			if (telnet.isConnected()) {
				telnet.disconnect();
			}
		} catch (IOException e) {
			// nothing left to release
		}
	}
}
