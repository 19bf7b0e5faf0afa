/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.onramp.ui.tests.driver.SwtDriver;

/**
 * A serial port that is a real pseudo-terminal: socat bridges the pty, reached through a symbolic link, to a
 * simulated board's serial line on 127.0.0.1. socat keeps the pty open itself, like a USB-UART adapter that stays
 * plugged in while programs open and close the port.
 */
final class PseudoTerminal implements AutoCloseable {

	private final Path link;
	private final Process socat;

	private PseudoTerminal(Path link, Process socat) {
		this.link = link;
		this.socat = socat;
	}

	/** @return a pty at {@code directory/name} carrying the line served on 127.0.0.1:tcpPort, once its link exists */
	static PseudoTerminal plugIn(SwtDriver driver, Path directory, String name, int tcpPort) throws IOException {
		Path link = directory.resolve(name);
		Path log = directory.resolve("socat-" + name + ".log");
		Process socat;
		try {
			socat = new ProcessBuilder("socat", "-d", "-d", "pty,rawer,link=" + link, "tcp:127.0.0.1:" + tcpPort)
					.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		} catch (IOException e) {
			throw new AssertionError("These tests open real serial ports: pseudo-terminals made by socat, which could"
					+ " not start (" + e.getMessage() + "). Install it: sudo apt-get install socat", e);
		}
		PseudoTerminal pty = new PseudoTerminal(link, socat);
		try {
			driver.waitUntil("socat to make " + link, () -> Files.exists(link) || !socat.isAlive());
		} catch (AssertionError e) {
			pty.close();
			throw e;
		}
		if (!socat.isAlive()) {
			throw new AssertionError("socat ended before it made " + link + ": " + Files.readString(log));
		}
		return pty;
	}

	/** @return the port as a user's device has it: the link */
	String port() {
		return link.toString();
	}

	@Override
	public void close() {
		socat.destroy();
	}
}
