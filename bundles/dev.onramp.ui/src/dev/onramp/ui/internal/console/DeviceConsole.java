/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;

import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/**
 * One board's console in the Console view: protocol steps, serial lines and errors, each in its own colour, every
 * line masked before it reaches the document. Writing never waits for the UI thread.
 */
public final class DeviceConsole extends MessageConsole implements IDeviceConsole {

	/** The console type of every device console, for the page participant and for finding them. */
	public static final String TYPE = "dev.onramp.ui.console"; //$NON-NLS-1$

	private static final Color STEP_COLOR = new Color(0x1f, 0x5f, 0xbf);
	private static final Color ERROR_COLOR = new Color(0xc8, 0x1e, 0x1e);
	private static final String BEGIN = "-----BEGIN"; //$NON-NLS-1$
	private static final String END = "-----END"; //$NON-NLS-1$
	private static final String PRIVATE_KEY = "PRIVATE KEY-----"; //$NON-NLS-1$

	private final String deviceKey;
	private final SecretMasker masker;
	private final MessageConsoleStream steps;
	private final MessageConsoleStream serial;
	private final MessageConsoleStream errors;
	private volatile String serialPort;
	private volatile SerialMonitor monitor;
	/** Inside a private key the board prints (a certificate install echoing its files), nothing is shown. */
	private boolean inPrivateKey;

	DeviceConsole(String deviceKey, String title, SecretMasker masker) {
		super(title, TYPE, null, true);
		this.deviceKey = deviceKey;
		this.masker = masker;
		this.steps = newMessageStream();
		this.serial = newMessageStream();
		this.errors = newMessageStream();
		steps.setColor(STEP_COLOR);
		errors.setColor(ERROR_COLOR);
		setWaterMarks(200_000, 250_000);
	}

	/** @return the board's key, the same as its Jobs' {@link dev.onramp.ui.internal.jobs.DeviceRule} */
	public String deviceKey() {
		return deviceKey;
	}

	@Override
	public void step(String text) {
		write(steps, masker.mask(text));
	}

	@Override
	public void serial(String line) {
		write(serial, maskSerial(line));
	}

	@Override
	public void error(String text) {
		write(errors, masker.mask(text));
	}

	@Override
	public void reveal() {
		ConsolePlugin.getDefault().getConsoleManager().showConsoleView(this);
	}

	private synchronized String maskSerial(String line) {
		if (inPrivateKey) {
			if (line.contains(END)) {
				inPrivateKey = false;
				return line;
			}
			return SecretMasker.MASK;
		}
		if (line.contains(BEGIN) && line.contains(PRIVATE_KEY)) {
			inPrivateKey = true;
			return line;
		}
		return masker.mask(line);
	}

	private void write(MessageConsoleStream stream, String text) {
		if (text == null || stream.isClosed()) {
			return;
		}
		try {
			stream.write(text.endsWith("\n") ? text : text + '\n'); //$NON-NLS-1$
		} catch (IOException e) {
			ILog.of(getClass()).warn("A device console could not be written", e); //$NON-NLS-1$
		}
	}

	/** @param port the board's serial port, which the console's monitor reads; {@code null} when it has none */
	void setSerialPort(String port) {
		this.serialPort = port;
	}

	/** @return the board's serial port, when it has one */
	public Optional<String> serialPort() {
		return Optional.ofNullable(serialPort);
	}

	void setMonitor(SerialMonitor newMonitor) {
		this.monitor = newMonitor;
	}

	/** @return the monitor of the board's serial port, once the console knows the port */
	public Optional<SerialMonitor> monitor() {
		return Optional.ofNullable(monitor);
	}

	@Override
	protected void dispose() {
		SerialMonitor running = monitor;
		if (running != null) {
			running.stop();
		}
		super.dispose();
	}
}
