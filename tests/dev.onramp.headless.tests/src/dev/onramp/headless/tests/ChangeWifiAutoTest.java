/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.espidf.EspIdfConsoleConfig;
import dev.onramp.simulator.espidf.EspIdfConsoleServer;
import dev.onramp.simulator.improv.ImprovSimulatorServer;

/**
 * {@code onramp change-wifi --protocol auto} (the default) asks the device what it speaks before it sends Wi-Fi
 * settings: Improv for the Improv simulator, the REPL for a MicroPython simulator, and a specific failure for an
 * ESP-IDF console or a silent line. Every device sits behind {@code socket://127.0.0.1:PORT}.
 */
class ChangeWifiAutoTest {

	private static final String SSID = "Workshop"; //$NON-NLS-1$
	private final String password = "pw-" + UUID.randomUUID(); //$NON-NLS-1$
	private final Map<String, String> environment = Map.of("WIFI_PW", password); //$NON-NLS-1$

	private CliHarness.Run changeWifi(String port, String... more) throws InterruptedException {
		List<String> args = new ArrayList<>(List.of("change-wifi", "--port", port, "--ssid", SSID, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"--password-env", "WIFI_PW", "--json")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		args.addAll(List.of(more));
		CliHarness.Run run = CliHarness.run(environment, args.toArray(String[]::new));
		assertFalse(run.out().contains(password) || run.err().contains(password), "the password never shows"); //$NON-NLS-1$
		return run;
	}

	@Test
	void anImprovDeviceGetsItsWifiOverImprov() throws Exception {
		try (ImprovSimulatorServer device = new ImprovSimulatorServer(Map.of(SSID, password), List.of())) {
			CliHarness.Run run = changeWifi(device.uri());
			assertEquals(0, run.exit(), run::toString);
			JsonObject json = run.json();
			assertEquals("improv", json.get("protocol").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals("improv", json.get("device_kind").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(SSID, device.lastReceivedSsid());
			assertTrue(run.err().contains("answered as improv: changing its Wi-Fi over improv"), run::toString); //$NON-NLS-1$

			CliHarness.Run explicit = changeWifi(device.uri(), "--protocol", "improv"); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(0, explicit.exit(), explicit::toString);
			assertEquals("improv", explicit.json().get("protocol").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			assertTrue(explicit.json().get("device_kind").isJsonNull(), "an explicit protocol asks nothing first"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	@Test
	void aMicroPythonBoardGetsItsWifiOverTheRepl() throws Exception {
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults().withPyDirect(false)
				.withNetwork(SimulatedNetwork.isolated().withKnownNetwork(SSID, password));
		try (SimulatorServer board = new SimulatorServer(SimulatedMicroPythonDevice.withTemporaryFlash(options))) {
			CliHarness.Run run = changeWifi(board.uri());
			assertEquals(0, run.exit(), run::toString);
			JsonObject json = run.json();
			assertEquals("repl", json.get("protocol").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals("micropython", json.get("device_kind").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(SSID, json.get("ssid").getAsString()); //$NON-NLS-1$
		}
	}

	@Test
	void anEspIdfConsoleIsNamedWithTheProtocolsOnrampCanUse() throws Exception {
		try (EspIdfConsoleServer console = new EspIdfConsoleServer(EspIdfConsoleConfig.defaults())) {
			CliHarness.Run run = changeWifi(console.uri());
			assertEquals(3, run.exit(), run::toString);
			JsonObject json = run.json();
			assertEquals("esp-idf-console", json.get("device_kind").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			JsonObject error = json.getAsJsonObject("error"); //$NON-NLS-1$
			assertEquals("protocol_error", error.get("reason").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			String message = error.get("message").getAsString(); //$NON-NLS-1$
			assertTrue(message.startsWith("The device on " + console.uri() //$NON-NLS-1$
					+ " answers with an ESP-IDF console (prompt \"esp32>\")"), message); //$NON-NLS-1$
			assertTrue(message.contains("Onramp changes Wi-Fi over USB through Improv serial or the MicroPython REPL"), //$NON-NLS-1$
					message);
			assertTrue(error.get("hint").getAsString().contains("onramp provision --transport console"), //$NON-NLS-1$ //$NON-NLS-2$
					error::toString);
			assertEquals(List.of("help", "version"), console.commandLines(), "only the console's own help and version"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	@Test
	void aSilentLineSaysNothingAnsweredAndWhatWouldHave() throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults().withPyDirect(false));
				SimulatorServer server = new SimulatorServer(device)) {
			device.injectFault(Fault.silent());
			CliHarness.Run run = changeWifi(server.uri());
			assertEquals(7, run.exit(), run::toString);
			JsonObject error = run.json().getAsJsonObject("error"); //$NON-NLS-1$
			String message = error.get("message").getAsString(); //$NON-NLS-1$
			assertTrue(message.startsWith("Cannot tell which protocol the device on " + server.uri() + " speaks."), //$NON-NLS-1$ //$NON-NLS-2$
					message);
			assertTrue(message.contains("No MicroPython REPL, Improv device or ESP-IDF console answered"), message); //$NON-NLS-1$
			assertTrue(message.endsWith("Improv serial or the MicroPython REPL."), message); //$NON-NLS-1$
			assertNull(run.json().get("protocol"), "no protocol was chosen"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
