/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A serial port that is a real pseudo-terminal, opened by the product the way it opens {@code /dev/ttyUSB0}: socat
 * bridges the pty, reached through a symbolic link, to a simulator's serial line on 127.0.0.1. socat keeps the pty
 * open itself, so the port stays while programs open and close it, like a USB-UART adapter that stays plugged in.
 * When the simulator drops its line (a board with native USB resetting), socat ends and takes the pty and its link
 * with it, as the kernel removes a USB device; a {@linkplain #replugging replugging} bridge then plugs it in again,
 * as the board enumerates anew after its reboot.
 */
final class PtyBridge implements AutoCloseable {

	private static final Duration PLUG_TIMEOUT = Duration.ofSeconds(10);

	private final Path directory;
	private final Path link;
	private final int tcpPort;
	private final boolean replugs;
	private final List<Process> started = new ArrayList<>();
	private boolean closed;
	private AssertionError replugFailure;

	private PtyBridge(Path directory, String name, int tcpPort, boolean replugs) {
		this.directory = directory;
		this.link = directory.resolve(name);
		this.tcpPort = tcpPort;
		this.replugs = replugs;
	}

	/** @return a pty at {@code directory/name} carrying the line served on 127.0.0.1:tcpPort, once its link exists */
	static PtyBridge plugIn(Path directory, String name, int tcpPort) {
		return plugged(new PtyBridge(directory, name, tcpPort, false));
	}

	/** @return a bridge like {@link #plugIn} that plugs a new pty in at the same link whenever the line drops */
	static PtyBridge replugging(Path directory, String name, int tcpPort) {
		return plugged(new PtyBridge(directory, name, tcpPort, true));
	}

	private static PtyBridge plugged(PtyBridge bridge) {
		Process socat = bridge.startSocat();
		Await.until(() -> "socat to make " + bridge.link + "; " + bridge.log(1), PLUG_TIMEOUT,
				() -> Files.exists(bridge.link) || !socat.isAlive());
		if (!socat.isAlive()) {
			bridge.close();
			throw new AssertionError("socat ended before it made " + bridge.link + ": " + bridge.log(1));
		}
		return bridge;
	}

	/**
	 * socat options: {@code rawer} makes the line 8-bit clean (no echo, no signal characters, no CR/NL translation,
	 * no extended input processing; {@code raw} is obsolete), {@code -d -d} logs what it opens and why it ends.
	 */
	private Process startSocat() {
		synchronized (started) {
			if (closed) {
				return null;
			}
			Process socat;
			try {
				socat = new ProcessBuilder("socat", "-d", "-d", "pty,rawer,link=" + link, "tcp:127.0.0.1:" + tcpPort)
						.redirectErrorStream(true).redirectOutput(logFile(started.size() + 1).toFile()).start();
			} catch (IOException e) {
				throw new AssertionError("These tests open real serial ports: pseudo-terminals made by socat, which"
						+ " could not start (" + e.getMessage() + "). Install it with"
						+ " releng/scripts/install-prerequisites.sh, or: sudo apt-get install socat", e);
			}
			started.add(socat);
			if (replugs) {
				socat.onExit().thenAccept(this::replugAfter);
			}
			return socat;
		}
	}

	/** A socat that the line's end stopped (status 0) is replaced; one that could not connect is not, nor retried. */
	private void replugAfter(Process ended) {
		if (ended.exitValue() != 0) {
			return;
		}
		try {
			startSocat();
		} catch (AssertionError e) {
			synchronized (started) {
				replugFailure = e;
			}
		}
	}

	/** @param plugIn 1 for the first socat, 2 for the one that replugged the port first, ... */
	private Path logFile(int plugIn) {
		return directory.resolve("socat-" + link.getFileName() + "-" + plugIn + ".log");
	}

	private String log(int plugIn) {
		try {
			return "socat's log:\n" + Files.readString(logFile(plugIn));
		} catch (IOException e) {
			return "no socat log (" + e.getMessage() + ")";
		}
	}

	/** @return the port as the product is given it: the link */
	String port() {
		return link.toString();
	}

	Path link() {
		return link;
	}

	/** @return the pseudo-terminal behind the link now ({@code /dev/pts/N}) */
	Path device() throws IOException {
		return link.toRealPath();
	}

	/** @return how often the port was plugged in: 1, plus one for every time a replugging bridge came back */
	int plugIns() {
		synchronized (started) {
			if (replugFailure != null) {
				throw replugFailure;
			}
			return started.size();
		}
	}

	/** Pulls the cable: SIGKILL, so socat cannot clean up and the pty vanishes under whoever has it open. */
	void pull() throws InterruptedException {
		Process socat;
		synchronized (started) {
			socat = started.get(started.size() - 1);
		}
		socat.destroyForcibly();
		socat.waitFor();
	}

	/** Unplugs for good: ends every socat this bridge started, and plugs nothing in again. */
	@Override
	public void close() {
		List<Process> all;
		synchronized (started) {
			closed = true;
			all = List.copyOf(started);
		}
		for (Process socat : all) {
			socat.destroyForcibly();
		}
		for (Process socat : all) {
			try {
				socat.waitFor();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
