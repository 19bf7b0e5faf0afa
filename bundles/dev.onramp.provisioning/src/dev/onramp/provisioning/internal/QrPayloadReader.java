/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.IQrPayloadReader;
import dev.onramp.core.provisioning.QrPayload;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;
import dev.onramp.core.serial.ISerialPortService;

/**
 * The QR payload from text or from a board's boot log. ESP-IDF's {@code examples/provisioning/wifi_prov_mgr} (and
 * RainMaker's {@code app_network}/{@code app_wifi}) log, once provisioning starts:
 *
 * <pre>
 * I (1242) app: Scan this QR code from the provisioning application for Provisioning.
 * (the QR code in block characters)
 * I (1242) app: If QR code is not visible, copy paste the below URL in a browser.
 * https://espressif.github.io/esp-jumpstart/qrcode.html?data={"ver":"v1","name":"PROV_D56A00",...}
 * </pre>
 *
 * The JSON follows {@code ?data=} as is; a URL-encoded form ({@code %7B...}) is decoded too. A board that booted before
 * the port was opened has printed it already: after a short wait the board is reset through RTS (its EN pin), or,
 * on a line without modem lines, the user is asked to press RESET.
 */
@Component(service = IQrPayloadReader.class)
public class QrPayloadReader implements IQrPayloadReader {

	static final Duration RESET_AFTER = Duration.ofSeconds(3);
	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]"); //$NON-NLS-1$
	private static final String DATA = "?data="; //$NON-NLS-1$

	private final ISerialPortService ports;

	@Activate
	public QrPayloadReader(@Reference ISerialPortService ports) {
		this.ports = ports;
	}

	@Override
	public QrPayload decode(String json) throws OnrampException {
		return QrPayloadDecoder.decode(json, FailureReason.USAGE, "given"); //$NON-NLS-1$
	}

	@Override
	public QrPayload readFromBootLog(String port, Duration timeout, IProgressMonitor monitor) throws OnrampException {
		IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
		try (IByteChannel channel = ports.open(port, ConsoleTransport.BAUD_RATE)) {
			return read(channel, port, timeout, progress);
		}
	}

	/** Reads lines until one carries the payload, resetting the board once when none came soon. */
	public static QrPayload read(IByteChannel channel, String port, Duration timeout, IProgressMonitor progress)
			throws OnrampException {
		progress.subTask("Listening for the provisioning QR payload in the boot log on " + port); //$NON-NLS-1$
		long start = System.nanoTime();
		long end = start + timeout.toNanos();
		long resetAt = start + Math.min(RESET_AFTER.toNanos(), timeout.toNanos() / 3);
		boolean resetDone = false;
		StringBuilder line = new StringBuilder();
		byte[] chunk = new byte[512];
		while (true) {
			if (progress.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			long now = System.nanoTime();
			if (now - end >= 0) {
				throw new OnrampException(FailureReason.TIMEOUT,
						"No provisioning QR payload appeared in the boot log on " + port + " within " //$NON-NLS-1$ //$NON-NLS-2$
								+ timeout.toSeconds() + " s.", //$NON-NLS-1$
						"Reset the board (its RESET or EN button) while Onramp listens, and check that its firmware prints the provisioning QR code (ESP-IDF's provisioning examples and RainMaker do); or give the payload or the device's name and proof of possession instead."); //$NON-NLS-1$
			}
			if (!resetDone && now - resetAt >= 0) {
				resetDone = true;
				reset(channel, progress);
			}
			long wait = Math.min(end - now, resetDone ? end - now : resetAt - now);
			int n = channel.read(chunk, 0, chunk.length, Duration.ofNanos(Math.max(1_000_000L, wait)));
			for (int i = 0; i < n; i++) {
				char c = (char) (chunk[i] & 0xff);
				if (c == '\n') {
					Optional<String> json = payloadIn(line.toString());
					line.setLength(0);
					if (json.isPresent()) {
						return QrPayloadDecoder.decode(json.get(), FailureReason.PROTOCOL_ERROR,
								"in the boot log on " + port); //$NON-NLS-1$
					}
				} else if (line.length() < 4096) {
					line.append(c);
				}
			}
		}
	}

	private static void reset(IByteChannel channel, IProgressMonitor progress) throws OnrampException {
		Optional<IModemLines> lines = channel.modemLines();
		if (lines.isPresent()) {
			try {
				progress.subTask("Resetting the board so that it prints its boot log again"); //$NON-NLS-1$
				lines.get().resetIntoFirmware();
				return;
			} catch (OnrampException e) {
				if (e.reason() != FailureReason.NOT_AVAILABLE) {
					throw e;
				}
			}
		}
		progress.subTask("Press the board's RESET (EN) button: Onramp reads the QR payload from its boot log"); //$NON-NLS-1$
	}

	/** @return the JSON on a boot log line, when the line carries it */
	static Optional<String> payloadIn(String rawLine) {
		String text = ANSI.matcher(rawLine).replaceAll("").strip(); //$NON-NLS-1$
		int data = text.indexOf(DATA);
		String candidate;
		if (data >= 0) {
			candidate = text.substring(data + DATA.length()).strip();
			if (candidate.startsWith("%")) { //$NON-NLS-1$
				try {
					candidate = URLDecoder.decode(candidate, StandardCharsets.UTF_8);
				} catch (IllegalArgumentException e) {
					return Optional.of(candidate); // reported by the decoder as not JSON
				}
			}
		} else if (text.startsWith("{\"ver\"")) { //$NON-NLS-1$
			candidate = text;
		} else {
			return Optional.empty();
		}
		return Optional.of(candidate);
	}
}
