/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static dev.onramp.site.tests.CommandAssertions.assertFailed;
import static dev.onramp.site.tests.CommandAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.onramp.simulator.Fault;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/** {@code onramp change-wifi} as a separate process: Improv and the MicroPython REPL over serial lines on TCP. */
class ChangeWifiEndToEndTest {

	private static final String SSID = "Workshop";

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private final SimulatedDevices devices = new SimulatedDevices();
	private final String password = "pw-" + UUID.randomUUID();
	private final Map<String, String> environment = Map.of("WIFI_PASSWORD", password, "WRONG_PASSWORD",
			"wrong-" + password);

	@AfterEach
	void stopDevices() throws Exception {
		devices.close();
	}

	private Installation.Run changeWifi(String port, String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of("change-wifi", "--port", port));
		all.addAll(List.of(args));
		return product.runJson(environment, temporary.resolve("data"), all.toArray(String[]::new));
	}

	@Test
	void improvRejectsAWrongPasswordAndAnUnknownNetworkThenJoins() throws Exception {
		ImprovSimulatorServer improv = devices.improv(Map.of(SSID, password));

		assertFailed(changeWifi(improv.uri(), "--ssid", SSID, "--password-env", "WRONG_PASSWORD"), 5,
				"wifi_auth_failed");
		assertFailed(changeWifi(improv.uri(), "--ssid", "NoSuchNetwork", "--password-env", "WIFI_PASSWORD"), 6,
				"wifi_network_not_found");

		Installation.Run joined = changeWifi(improv.uri(), "--ssid", SSID, "--password-env", "WIFI_PASSWORD");
		JsonObject document = assertSucceeded(joined);
		assertEquals("improv", document.get("protocol").getAsString(), "auto identifies the Improv device");
		assertEquals(SSID, document.get("ssid").getAsString());
		assertFalse(document.get("ip").isJsonNull(), "the address the device reported: " + joined);
		assertEquals(SSID, improv.lastReceivedSsid());
	}

	@Test
	void theReplRejectsAWrongPasswordThenStoresTheNetworkOnTheBoard() throws Exception {
		Rfc2217SimulatorServer board = devices.pyDirect(1, SimulatedNetwork.isolated().withKnownNetwork(SSID, password));

		assertFailed(changeWifi(board.uri(), "--protocol", "repl", "--ssid", SSID, "--password-env", "WRONG_PASSWORD"),
				5, "wifi_auth_failed");
		assertNotEquals(SSID, board.device().settings().get("wifi.ssid"), "a rejected network is not stored");

		Installation.Run joined = changeWifi(board.uri(), "--protocol", "repl", "--ssid", SSID, "--password-env",
				"WIFI_PASSWORD");
		JsonObject document = assertSucceeded(joined);
		assertEquals("repl", document.get("protocol").getAsString());
		assertEquals("127.0.0.1", document.get("ip").getAsString(), "the simulated station's address");
		assertEquals(SSID, board.device().settings().get("wifi.ssid"), "stored for the next boot");
	}

	@Test
	void aMissingPortIsUnreachableAndASilentDeviceTimesOut() throws Exception {
		assertFailed(changeWifi(SimulatedDevices.MISSING_PORT, "--ssid", SSID, "--password-env", "WIFI_PASSWORD"), 3,
				"port_not_found");
		assertFailed(changeWifi("socket://127.0.0.1:" + SimulatedDevices.closedPort(), "--ssid", SSID,
				"--password-env", "WIFI_PASSWORD"), 3, "device_unreachable");

		Rfc2217SimulatorServer silent = devices.pyDirect(2, SimulatedNetwork.isolated().withKnownNetwork(SSID, password));
		silent.device().injectFault(Fault.silent());
		// auto identifies the device first: a silent board answers none of the probes
		assertFailed(changeWifi(silent.uri(), "--ssid", SSID, "--password-env", "WIFI_PASSWORD"), 7, "timeout");
		assertNotEquals(SSID, silent.device().settings().get("wifi.ssid"), "nothing reached the silent board");
	}
}
