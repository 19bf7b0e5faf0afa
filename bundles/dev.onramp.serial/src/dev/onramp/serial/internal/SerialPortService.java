/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * Serial ports through jSerialComm, named as each platform names them (with the stable by-id paths and access
 * rights of Linux, the callout devices of macOS, the COM ports of Windows), serial lines over TCP
 * (plain, or RFC 2217 with the modem lines),
 * and hot-plug events from a {@link PortWatcher} that runs while the component is active.
 */
@Component(service = ISerialPortService.class)
public class SerialPortService implements ISerialPortService {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private final PortScanner scanner;
	private final SerialPortOpener opener;
	private final PortWatcher watcher;
	private final List<IPortListener> listeners = new CopyOnWriteArrayList<>();

	public SerialPortService() {
		this(PortScanner.system(), PortWatcher.DEFAULT_POLL_INTERVAL);
	}

	/** For tests: ports from other directories, polled at another pace. */
	SerialPortService(PortScanner scanner, Duration pollInterval) {
		this.scanner = scanner;
		this.opener = new SerialPortOpener(scanner.platform(), scanner);
		this.watcher = new PortWatcher(scanner::scan, this::publish, pollInterval, PortWatcher.DEFAULT_SETTLE_TIME);
	}

	@Activate
	void activate() {
		watcher.start();
	}

	@Deactivate
	void deactivate() {
		if (!watcher.stop(STOP_TIMEOUT)) {
			ILog.of(getClass()).warn("The serial port watcher did not stop within " + STOP_TIMEOUT.toSeconds() + " s."); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** @return whether the watcher took the port list that later changes are relative to, within the timeout */
	boolean awaitWatching(Duration timeout) throws InterruptedException {
		return watcher.awaitBaseline(timeout);
	}

	@Override
	public List<SerialPortInfo> listPorts() {
		List<SerialPortInfo> ports = scanner.scan();
		return scanner.platform() == Platform.LINUX ? PortHolders.markBusy(ports) : ports;
	}

	@Override
	public List<String> advice(List<SerialPortInfo> ports) {
		return PortAdvice.advise(scanner.platform(), ports);
	}

	@Override
	public IByteChannel open(String port, int baudRate) throws OnrampException {
		if (port == null || port.isBlank()) {
			throw new OnrampException(FailureReason.USAGE, "No port was given.", //$NON-NLS-1$
					"Name a port such as /dev/ttyUSB0, COM3, socket://127.0.0.1:4000 or rfc2217://127.0.0.1:4000.") //$NON-NLS-1$
					.withRemedy(Remedy.SERIAL_PORT);
		}
		String trimmed = port.strip();
		if (SocketByteChannel.isSocketAddress(trimmed)) {
			return SocketByteChannel.connect(trimmed, CONNECT_TIMEOUT);
		}
		if (Rfc2217Channel.isRfc2217Address(trimmed)) {
			return Rfc2217Channel.connect(trimmed, Math.max(0, baudRate), CONNECT_TIMEOUT,
					Rfc2217Channel.NEGOTIATION_TIMEOUT);
		}
		if (baudRate <= 0) {
			throw new OnrampException(FailureReason.USAGE, "Invalid baud rate " + baudRate + '.', //$NON-NLS-1$
					"ESP32 boards usually talk at 115200 baud."); //$NON-NLS-1$
		}
		return opener.open(trimmed, baudRate);
	}

	@Override
	public void addPortListener(IPortListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removePortListener(IPortListener listener) {
		listeners.remove(listener);
	}

	private void publish(PortChange change) {
		for (IPortListener listener : listeners) {
			try {
				listener.portChanged(change.change(), change.port());
			} catch (RuntimeException e) {
				ILog.of(getClass()).error("A serial port listener failed: " + listener, e); //$NON-NLS-1$
			}
		}
	}
}
