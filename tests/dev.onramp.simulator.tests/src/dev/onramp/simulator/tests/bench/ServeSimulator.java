/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests.bench;

import java.io.IOException;

import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;

/**
 * Serves a simulated pyDirect device on {@code socket://127.0.0.1:PORT} until standard input closes, for trying the
 * command line by hand: {@code ./onramp info --port socket://127.0.0.1:PORT}. Run with {@code run-benchmark.sh serve}.
 */
public final class ServeSimulator {

	private ServeSimulator() {
	}

	public static void main(String[] args) throws IOException {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
				SimulatorServer server = new SimulatorServer(device)) {
			System.out.println(server.uri());
			System.out.flush();
			while (System.in.read() >= 0) {
				// serve until stdin closes
			}
		}
	}
}
