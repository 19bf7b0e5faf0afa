/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.espidf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.onramp.simulator.internal.LoopbackLineServer;

/**
 * An ESP-IDF console application behind {@code socket://127.0.0.1:PORT}, the way ser2net would carry a board's
 * serial line: every connection is a fresh power-on of a {@link SimulatedEspIdfConsole}, as when opening a port
 * resets the board.
 */
public final class EspIdfConsoleServer implements AutoCloseable {

	private final List<SimulatedEspIdfConsole> consoles = new CopyOnWriteArrayList<>();
	private final LoopbackLineServer server;

	/** Starts serving on an ephemeral loopback port. */
	public EspIdfConsoleServer(EspIdfConsoleConfig config) throws IOException {
		this.server = new LoopbackLineServer("esp-idf-console-server", //$NON-NLS-1$
				line -> consoles.add(new SimulatedEspIdfConsole(line, config)));
	}

	public int port() {
		return server.port();
	}

	/** @return {@code socket://127.0.0.1:PORT} */
	public String uri() {
		return server.uri();
	}

	/** @return the command lines every connection ran, in order */
	public List<String> commandLines() {
		List<String> all = new ArrayList<>();
		consoles.forEach(console -> all.addAll(console.commandLines()));
		return all;
	}

	/** @return the bytes that arrived during the consoles' terminal checks (see {@link SimulatedEspIdfConsole}) */
	public int bytesDuringTerminalCheck() {
		return consoles.stream().mapToInt(SimulatedEspIdfConsole::bytesDuringTerminalCheck).sum();
	}

	@Override
	public void close() {
		server.close();
		consoles.forEach(SimulatedEspIdfConsole::close);
	}
}
