/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/** The REPL client on a board shared with RFC 2217: the port stays through a hard reset, as a USB-UART bridge does. */
class Rfc2217ReplTest {

	private final SerialPortService service = new SerialPortService(
			new PortScanner(PortScanner.BY_ID_DIRECTORY, List.of(), false), Duration.ofMillis(50));
	private Rfc2217SimulatorServer server;

	@BeforeEach
	void startBoard() throws IOException {
		server = new Rfc2217SimulatorServer(
				SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults()));
	}

	@AfterEach
	void stopBoard() {
		server.close();
	}

	@Test
	void theReplInterruptsMainPyAndSurvivesAHardResetOnTheSameConnection() throws Exception {
		ReplOptions options = ReplOptions.defaults().withConnectTimeout(Duration.ofSeconds(3))
				.withExecTimeout(Duration.ofSeconds(10)).withReconnectTimeout(Duration.ofSeconds(5));
		try (IReplSession session = new ReplService().connect(() -> service.open(server.uri(), 115200), options,
				new NullProgressMonitor())) {
			// the firmware's own rule gives pyDirect-xxxx; Onramp writes host names in lower case
			String hostname = server.device().hostname().toLowerCase(java.util.Locale.ROOT);
			assertEquals(hostname, session.identify().hostname().orElseThrow());
			int resetsBefore = server.device().hardResets();
			int rtsResetsBefore = server.resets();
			session.hardReset(new NullProgressMonitor());
			assertEquals(resetsBefore + 1, server.device().hardResets());
			assertEquals(hostname, session.identify().hostname().orElseThrow());
			assertEquals(1, server.connections());
			assertEquals(rtsResetsBefore, server.resets(),
					"machine.reset(), not the modem lines: the banner after it was caught on the same connection");
		}
	}
}
