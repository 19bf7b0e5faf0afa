/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Two connected pseudo-terminals made by socat: the host end is the serial port Onramp opens, like
 * {@code /dev/ttyUSB0}; the board end is where a test prints what a board would.
 */
final class PseudoTerminalPair implements AutoCloseable {

	private final Process socat;
	private final Path host;
	private final Path board;
	private OutputStream boardOut;

	private PseudoTerminalPair(Process socat, Path host, Path board) {
		this.socat = socat;
		this.host = host;
		this.board = board;
	}

	static PseudoTerminalPair start(Path directory) throws IOException {
		Path host = directory.resolve("ttyHOST");
		Path board = directory.resolve("ttyBOARD");
		Process socat;
		try {
			socat = new ProcessBuilder("socat", "pty,rawer,link=" + host, "pty,rawer,link=" + board)
					.redirectErrorStream(true).redirectOutput(directory.resolve("socat.log").toFile()).start();
		} catch (IOException e) {
			throw new AssertionError("These tests open real pseudo-terminals made by socat, which could not start ("
					+ e.getMessage() + "). Install it: sudo apt-get install socat", e);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!(Files.exists(host) && Files.exists(board))) {
			if (!socat.isAlive() || System.nanoTime() > deadline) {
				socat.destroyForcibly();
				throw new AssertionError("socat did not make the pseudo-terminals: "
						+ Files.readString(directory.resolve("socat.log")));
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // polling what another process makes
		}
		return new PseudoTerminalPair(socat, host, board);
	}

	/** @return the port as Onramp is given it */
	String port() {
		return host.toString();
	}

	/** Prints a line on the board's end, as firmware would. */
	synchronized void print(String line) throws IOException {
		if (boardOut == null) {
			boardOut = Files.newOutputStream(board);
		}
		boardOut.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		boardOut.flush();
	}

	@Override
	public synchronized void close() throws IOException {
		try {
			if (boardOut != null) {
				boardOut.close();
			}
		} finally {
			socat.destroyForcibly();
		}
	}
}
