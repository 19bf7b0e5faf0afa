/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.onramp.simulator.internal.LoopbackLineServer;

/**
 * A device in console provisioning mode behind {@code socket://127.0.0.1:PORT}, the way ser2net would carry its
 * UART: every connection gets a {@link SimulatedProtocommConsole} over the same {@link ProtocommFirmware}. A pty for
 * jSerialComm can be bridged with {@code socat pty,rawer,link=X tcp:127.0.0.1:PORT}.
 */
public final class ProtocommConsoleServer implements AutoCloseable {

	private final ProtocommFirmware firmware;
	private final List<SimulatedProtocommConsole> consoles = new CopyOnWriteArrayList<>();
	private final LoopbackLineServer server;

	/** Starts serving on an ephemeral loopback port. */
	public ProtocommConsoleServer(ProtocommDeviceConfig config, ProtocommConsoleOptions options) throws IOException {
		this.firmware = new ProtocommFirmware(config);
		this.server = new LoopbackLineServer("protocomm-console-server", //$NON-NLS-1$
				line -> consoles.add(new SimulatedProtocommConsole(line, firmware, options)));
	}

	public int port() {
		return server.port();
	}

	/** @return {@code socket://127.0.0.1:PORT} */
	public String uri() {
		return server.uri();
	}

	public ProtocommFirmware firmware() {
		return firmware;
	}

	/** @return the lines every connection's console ran, in order */
	public List<String> commandLines() {
		List<String> all = new ArrayList<>();
		consoles.forEach(console -> all.addAll(console.commandLines()));
		return all;
	}

	@Override
	public void close() {
		server.close();
		consoles.forEach(SimulatedProtocommConsole::close);
	}
}
