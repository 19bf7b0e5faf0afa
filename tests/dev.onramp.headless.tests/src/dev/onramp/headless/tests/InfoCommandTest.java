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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;
import dev.onramp.simulator.espidf.EspIdfConsoleConfig;
import dev.onramp.simulator.espidf.EspIdfConsoleServer;
import dev.onramp.simulator.improv.ImprovSimulatorServer;

/**
 * {@code onramp info --port socket://127.0.0.1:PORT} through the DS-wired runner, against each kind of simulated
 * device behind a serial line carried over TCP: every kind prints the same JSON keys, and a port where nothing
 * answers ends in exit 7 within the probes' bounds.
 */
class InfoCommandTest {

	/** Listening, Improv, REPL and console probes on a silent line take about six seconds. */
	private static final Duration NOTHING_ANSWERS_BOUND = Duration.ofSeconds(12);
	private static final List<String> KEYS = List.of("port", "kind", "implementation", "version", "machine", "mac",
			"hostname", "chip", "firmware", "device_name", "os_name", "os_version", "improv_state", "idf_version",
			"chip_revision", "cores", "features", "prompt");

	@Test
	void pyDirectBoardPrintsItsReplIdentity() throws Exception {
		// the published firmware's main.py ignores Ctrl-C: the board is reached through its reset lines (RFC 2217)
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
				Rfc2217SimulatorServer server = new Rfc2217SimulatorServer(device)) {
			JsonObject json = identify(server.uri());
			assertEquals(server.uri(), json.get("port").getAsString());
			assertEquals("pydirect", json.get("kind").getAsString(), json::toString);
			assertEquals("micropython", json.get("implementation").getAsString());
			assertEquals(device.options().version(), json.get("version").getAsString());
			assertEquals(device.options().machine(), json.get("machine").getAsString());
			assertEquals(device.mac().toString(), json.get("mac").getAsString());
			assertTrue(device.hostname().equalsIgnoreCase(json.get("hostname").getAsString()), json::toString);
			// wifi.py: <wifi.hostname_prefix>-<last 4 hex of the MAC> ("pyDirect" in the published defaults), written in
			// lower case as the installer stores it
			assertEquals("pydirect-" + device.mac().toString().replace(":", "").substring(8).toLowerCase(),
					json.get("hostname").getAsString());
			// the simulated board boots as the line opens: a Ctrl-C while boot.py runs reaches the REPL (main.py never
			// starts); had main.py started first, one reset through RTS gets past it. PortProbeTest pins each path
			assertTrue(server.resets() <= 1, "at most one reset through RTS to get past main.py: " + server.resets());
			assertEquals("ESP32", json.get("chip").getAsString(), "the chip ends os.uname().machine");
			assertNullKeys(json, "firmware", "improv_state", "idf_version", "prompt");
		}
	}

	@Test
	void plainMicroPythonBoardHasNoHostnameAndItsTextSaysSo() throws Exception {
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults().withPyDirect(false);
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(options);
				SimulatorServer server = new SimulatorServer(device)) {
			JsonObject json = identify(server.uri());
			assertEquals("micropython", json.get("kind").getAsString());
			assertNullKeys(json, "hostname");
			CliHarness.Run text = CliHarness.run(Map.of(), "info", "--port", server.uri());
			assertEquals(0, text.exit(), text::toString);
			assertTrue(text.out().startsWith(server.uri() + ": MicroPython device"), text::toString);
			assertEquals(device.mac().toString(), row(text, "MAC"));
		}
	}

	@Test
	void improvDevicePrintsItsDeviceInfoAndState() throws Exception {
		try (ImprovSimulatorServer server = new ImprovSimulatorServer(Map.of(), List.of())) {
			JsonObject json = identify(server.uri());
			assertEquals("improv", json.get("kind").getAsString());
			assertEquals("pyDirect", json.get("firmware").getAsString());
			assertEquals("1.4.2", json.get("version").getAsString());
			assertEquals("ESP32-S3", json.get("chip").getAsString());
			assertEquals("pydirect-ab12", json.get("device_name").getAsString());
			assertEquals("authorized", json.get("improv_state").getAsString());
			assertEquals("pydirect-ab12", json.get("hostname").getAsString());
			assertNullKeys(json, "mac", "implementation", "machine", "os_name", "idf_version", "prompt");
			assertNull(server.lastReceivedSsid(), "identifying sends no Wi-Fi settings");
		}
	}

	@Test
	void espIdfConsolePrintsItsVersionOutputAndBootLog() throws Exception {
		EspIdfConsoleConfig config = EspIdfConsoleConfig.defaults();
		try (EspIdfConsoleServer server = new EspIdfConsoleServer(config)) {
			JsonObject json = identify(server.uri());
			assertEquals("esp-idf-console", json.get("kind").getAsString());
			assertEquals("esp32>", json.get("prompt").getAsString());
			assertEquals(config.idfVersion(), json.get("idf_version").getAsString());
			assertEquals(config.model(), json.get("chip").getAsString());
			assertEquals(config.revision(), json.get("chip_revision").getAsInt());
			assertEquals(config.cores(), json.get("cores").getAsInt());
			assertEquals(config.features().substring(1), json.get("features").getAsString());
			assertEquals(config.project(), json.get("firmware").getAsString());
			assertEquals(config.appVersion(), json.get("version").getAsString());
			assertEquals(config.stationMac().orElseThrow().toString(), json.get("mac").getAsString());
			assertNullKeys(json, "hostname", "implementation", "improv_state");
			assertEquals(List.of("help", "version"), server.commandLines(), "only the console's own help and version");

			CliHarness.Run text = CliHarness.run(Map.of(), "info", "--port", server.uri());
			assertEquals(0, text.exit(), text::toString);
			assertTrue(text.out().startsWith(server.uri() + ": ESP-IDF console (prompt \"esp32> \")"), text::toString);
			assertEquals("v5.5", row(text, "ESP-IDF"));
			assertEquals("ESP32, revision 301, 2 cores", row(text, "chip"));
			assertEquals(config.stationMac().orElseThrow().toString(), row(text, "MAC"));
		}
	}

	@Test
	void silentDeviceTimesOutWithinTheBoundAndSaysWhatWasTried() throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
				SimulatorServer server = new SimulatorServer(device)) {
			device.injectFault(Fault.silent());
			JsonObject error = failure(server.uri(), 7);
			String message = error.get("message").getAsString();
			assertEquals("timeout", error.get("reason").getAsString());
			assertTrue(message.contains("No MicroPython REPL, Improv device or ESP-IDF console answered on "
					+ server.uri()), message);
			assertTrue(message.contains("sent nothing at all"), message);
			assertTrue(error.get("hint").getAsString().contains("firmware runs"), error::toString);
		}
	}

	@Test
	void garbageOnTheLineTimesOutAndNamesTheBaudRate() throws Exception {
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
				SimulatorServer server = new SimulatorServer(device)) {
			device.injectFault(Fault.garbage());
			JsonObject error = failure(server.uri(), 7);
			String message = error.get("message").getAsString();
			assertEquals("timeout", error.get("reason").getAsString());
			assertTrue(message.contains("bytes of garbage (\\x"), "a sample of the garbage: " + message);
			String hint = error.get("hint").getAsString();
			assertTrue(hint.contains("baud rate") && hint.contains("115200"), error::toString);
		}
	}

	@Test
	void portThatDoesNotExistIsUnreachable() throws Exception {
		CliHarness.Run run = CliHarness.run(Map.of(), "info", "--port", "/dev/ttyONRAMP-MISSING-0", "--json");
		assertEquals(3, run.exit(), run::toString);
		JsonObject error = run.json().getAsJsonObject("error");
		assertEquals("port_not_found", error.get("reason").getAsString(), run::toString);
		assertTrue(error.get("message").getAsString().contains("/dev/ttyONRAMP-MISSING-0"), run::toString);
	}

	/** @return the JSON of a successful {@code info}, after checking that it has every key of the contract */
	private static JsonObject identify(String port) throws InterruptedException {
		CliHarness.Run run = CliHarness.run(Map.of(), "info", "--port", port, "--json");
		assertEquals(0, run.exit(), run::toString);
		JsonObject json = run.json();
		assertTrue(json.get("ok").getAsBoolean(), run::toString);
		for (String key : KEYS) {
			assertTrue(json.has(key), "the key " + key + " is present, null when unknown: " + run);
		}
		return json;
	}

	/** @return the error object of an {@code info} that failed with {@code exit} within the bound */
	private static JsonObject failure(String port, int exit) throws InterruptedException {
		long started = System.nanoTime();
		CliHarness.Run run = CliHarness.run(Map.of(), "info", "--port", port, "--json");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertEquals(exit, run.exit(), run::toString);
		assertTrue(took.compareTo(NOTHING_ANSWERS_BOUND) < 0,
				"gave up after " + took.toMillis() + " ms, more than " + NOTHING_ANSWERS_BOUND.toMillis() + " ms");
		assertFalse(run.json().get("ok").getAsBoolean());
		return run.json().getAsJsonObject("error");
	}

	/** @return the value of the text block's row with this label */
	private static String row(CliHarness.Run run, String label) {
		return run.out().lines().map(String::strip).filter(line -> line.startsWith(label + " ")).findFirst()
				.map(line -> line.substring(label.length()).strip())
				.orElseThrow(() -> new AssertionError("no row " + label + " in " + run));
	}

	private static void assertNullKeys(JsonObject json, String... keys) {
		for (String key : keys) {
			JsonElement value = json.get(key);
			assertTrue(value != null && value.isJsonNull(), key + " is null for this kind: " + json);
		}
	}
}
