/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two connected pseudo-terminals made by socat, reachable through symbolic links {@code a} and {@code b}: a null-modem
 * cable between two serial ports.
 */
final class SocatPair implements AutoCloseable {

	private static final List<Process> STARTED = new ArrayList<>();

	final Path a;
	final Path b;
	private final Process process;

	private SocatPair(Path a, Path b, Process process) {
		this.a = a;
		this.b = b;
		this.process = process;
	}

	static SocatPair start(Path directory, String nameA, String nameB) throws IOException {
		Path a = directory.resolve(nameA);
		Path b = directory.resolve(nameB);
		Process process = new ProcessBuilder("/usr/bin/socat", "-d", "-d", "pty,raw,echo=0,link=" + a,
				"pty,raw,echo=0,link=" + b).redirectErrorStream(true)
				.redirectOutput(directory.resolve("socat-" + nameA + ".log").toFile()).start();
		register(process);
		SocatPair pair = new SocatPair(a, b, process);
		Await.until("socat's links " + a + " and " + b, Duration.ofSeconds(10),
				() -> Files.exists(a) && Files.exists(b) || !process.isAlive());
		if (!process.isAlive()) {
			throw new IOException("socat ended: " + Files.readString(directory.resolve("socat-" + nameA + ".log")));
		}
		return pair;
	}

	/** Remembers a helper process so that {@link #killAll()} ends it. */
	static synchronized void register(Process process) {
		STARTED.add(process);
	}

	Process process() {
		return process;
	}

	/** Pulls the cable: SIGKILL, so socat cannot clean up and the ptys simply vanish. */
	void kill() {
		process.destroyForcibly();
	}

	@Override
	public void close() {
		kill();
	}

	/** Ends every process the tests started, with its children. */
	static synchronized void killAll() throws InterruptedException {
		for (Process process : STARTED) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor();
		}
		STARTED.clear();
	}
}
