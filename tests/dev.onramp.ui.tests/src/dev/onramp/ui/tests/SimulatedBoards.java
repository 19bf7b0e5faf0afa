/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.onramp.core.MacAddress;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.ui.tests.driver.SwtDriver;

/**
 * Simulated boards plugged in as real serial ports: each simulator serves its line on 127.0.0.1 and socat bridges it
 * to a pseudo-terminal linked in the directory the serial port service watches ({@code onramp.ports}), as a USB-UART
 * adapter appears in {@code /dev/serial/by-id}. Unplugging ends socat, which takes the pty and its link away.
 */
final class SimulatedBoards implements AutoCloseable {

	private static final Duration PLUG_TIMEOUT = Duration.ofSeconds(10);

	/** One plugged-in board. */
	record Board(String name, Path link, Process socat) {

		/** @return the port's system path (the pty), as the serial port service and the registry name it */
		String systemPath() throws IOException {
			return link.toRealPath().toString();
		}
	}

	private final SwtDriver driver;
	private final Path directory;
	private final List<AutoCloseable> servers = new ArrayList<>(); // guarded by this
	private final List<Board> boards = new ArrayList<>();

	SimulatedBoards(SwtDriver driver) {
		this(driver, Path.of(System.getProperty("onramp.ports", "target/ports")));
	}

	/** @param directory where the boards' links go */
	private SimulatedBoards(SwtDriver driver, Path directory) {
		this.driver = driver;
		this.directory = directory;
	}

	/** @return an Improv board that joins the network {@code Lab} */
	Board improv(String name) {
		return plugIn(name, () -> keep(new ImprovSimulatorServer(Map.of("Lab", "lab-password"), List.of())).port());
	}

	/** @return a board running plain MicroPython (no pyDirect) */
	Board microPython(String name, int macSuffix) {
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults().withPyDirect(false)
				.withMac(MacAddress.parse(String.format("24:0a:c4:e2:%02x:%02x", macSuffix, macSuffix)));
		return plugIn(name, () -> keep(new SimulatorServer(keep(SimulatedMicroPythonDevice.withTemporaryFlash(options))))
				.port());
	}

	/**
	 * @return an Improv board whose port another program holds (with {@code flock}, as a serial monitor does), plugged
	 *         in only once it is held: its identification fails with the port busy
	 */
	Board heldByAnotherProgram(String name) {
		Path hidden = directory.resolveSibling("held-ports");
		SimulatedBoards unwatched = new SimulatedBoards(driver, hidden);
		Board board = unwatched.improv(name);
		CompletableFuture<Process> holding = CompletableFuture.supplyAsync(() -> {
			try {
				Process holder = new ProcessBuilder("flock", "--no-fork", "--exclusive", board.link().toString(), "sh",
						"-c", "echo locked; exec sleep 600").redirectErrorStream(true).start();
				String first = new String(holder.getInputStream().readNBytes("locked".length()));
				if (!first.equals("locked")) {
					throw new IOException("flock said: " + first);
				}
				Files.createDirectories(directory);
				Files.createSymbolicLink(directory.resolve(name), board.link());
				return holder;
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		driver.waitUntil("the port to be held and plugged in", holding::isDone, PLUG_TIMEOUT);
		Process holder = holding.join();
		Board plugged = new Board(name, directory.resolve(name), board.socat());
		synchronized (this) {
			servers.add(() -> {
				holder.destroy();
				Files.deleteIfExists(plugged.link());
				unwatched.close();
			});
		}
		return plugged;
	}

	/** What serves a board's line: returns its TCP port on 127.0.0.1. */
	@FunctionalInterface
	private interface LineServer {
		int start() throws IOException;
	}

	/** Starts the simulator and socat off the UI thread (starting processes can take long), waiting with events. */
	private Board plugIn(String name, LineServer server) {
		Path link = directory.resolve(name);
		Path log = directory.getParent().resolve("socat-" + name + ".log");
		CompletableFuture<Process> started = CompletableFuture.supplyAsync(() -> {
			try {
				Files.createDirectories(directory);
				return new ProcessBuilder("socat", "-d", "-d", "pty,rawer,link=" + link,
						"tcp:127.0.0.1:" + server.start()).redirectErrorStream(true).redirectOutput(log.toFile())
						.start();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		driver.waitUntil("socat to start", started::isDone, PLUG_TIMEOUT);
		Process socat = started.join();
		driver.waitUntil("socat to make " + link, () -> Files.exists(link) || !socat.isAlive(), PLUG_TIMEOUT);
		if (!socat.isAlive()) {
			throw new AssertionError("socat ended before it made " + link + ": " + readLog(log));
		}
		Board board = new Board(name, link, socat);
		boards.add(board);
		return board;
	}

	private static String readLog(Path log) {
		try {
			return Files.readString(log);
		} catch (IOException e) {
			return "no log: " + e.getMessage();
		}
	}

	/** Unplugs the board: socat ends and the pty and its link go, as when a USB cable is pulled. */
	void unplug(Board board) {
		board.socat().destroy();
		driver.waitUntil("socat to end", () -> !board.socat().isAlive(), PLUG_TIMEOUT);
		boards.remove(board);
	}

	private synchronized <T extends AutoCloseable> T keep(T server) {
		servers.add(server);
		return server;
	}

	@Override
	public synchronized void close() throws Exception {
		for (Board board : List.copyOf(boards)) {
			unplug(board);
		}
		for (int i = servers.size() - 1; i >= 0; i--) {
			servers.get(i).close();
		}
		servers.clear();
	}
}
