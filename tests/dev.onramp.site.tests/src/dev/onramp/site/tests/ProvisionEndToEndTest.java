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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/** {@code onramp provision} as a separate process against simulated ESP-IDF devices: success and every failure. */
class ProvisionEndToEndTest {

	private static final String SSID = "FactoryLab";

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private final SimulatedDevices devices = new SimulatedDevices();
	private final String pop = "pop-" + UUID.randomUUID();
	private final String password = "pw-" + UUID.randomUUID();
	private final Map<String, String> environment = Map.of("POP", pop, "WIFI_PASSWORD", password, "WRONG_POP",
			"wrong-" + pop, "WRONG_PASSWORD", "wrong-" + password);

	@AfterEach
	void stopDevices() throws Exception {
		devices.close();
	}

	private Installation.Run provision(String endpoint, String... args) throws Exception {
		String[] all = new String[args.length + 3];
		all[0] = "provision";
		all[1] = "--endpoint";
		all[2] = endpoint;
		System.arraycopy(args, 0, all, 3, args.length);
		return product.runJson(environment, temporary.resolve("data"), all);
	}

	@Test
	void securityTwoAndOneJoinTheNetworkAndReportAddressNetworkAndScheme() throws Exception {
		for (int security : new int[] { 2, 1 }) {
			SimulatedProtocommDevice device = devices.protocomm(security, pop, SSID, password);
			Installation.Run run = provision(device.endpoint(), "--pop-env", "POP", "--ssid", SSID, "--password-env",
					"WIFI_PASSWORD");
			JsonObject document = assertSucceeded(run);
			assertEquals("192.168.1.77", document.get("ip").getAsString(), "the address the device reported");
			assertEquals(SSID, document.get("ssid").getAsString());
			assertEquals(String.valueOf(security), document.get("security").getAsString(),
					"auto follows the device's proto-ver");
			assertTrue(document.get("confirmed").getAsBoolean(), "the device reported Connected");
			assertEquals(SSID, device.lastReceivedSsid(), "the device received the credentials");
		}
	}

	@Test
	void scanListsTheNetworksTheDeviceSeesAndSendsNothing() throws Exception {
		SimulatedProtocommDevice device = devices.protocomm(2, pop, SSID, password);
		Installation.Run run = provision(device.endpoint(), "--pop-env", "POP", "--scan");
		assertSucceeded(run);
		Set<String> networks = new HashSet<>();
		for (JsonElement network : run.json().getAsJsonArray("networks")) {
			networks.add(network.getAsJsonObject().get("ssid").getAsString());
		}
		assertEquals(device.visibleNetworks(), networks.size(), "every network of the device's scan: " + networks);
		assertTrue(networks.contains(SSID), networks::toString);
		assertNull(device.lastReceivedSsid(), "a scan sends no credentials");
	}

	@Test
	void wrongPopWrongPasswordAndUnknownNetworkExitFourFiveAndSixAndLeaveTheDeviceInProvisioningMode()
			throws Exception {
		SimulatedProtocommDevice device = devices.protocomm(2, pop, SSID, password);

		Installation.Run wrongPop = provision(device.endpoint(), "--pop-env", "WRONG_POP", "--ssid", SSID,
				"--password-env", "WIFI_PASSWORD");
		assertFailed(wrongPop, 4, "handshake_rejected");
		assertNull(device.lastReceivedSsid(), "no credentials go to a device that rejected the handshake");

		Installation.Run wrongPassword = provision(device.endpoint(), "--pop-env", "POP", "--ssid", SSID,
				"--password-env", "WRONG_PASSWORD");
		assertFailed(wrongPassword, 5, "wifi_auth_failed");

		Installation.Run unknownNetwork = provision(device.endpoint(), "--pop-env", "POP", "--ssid", "NoSuchNetwork",
				"--password-env", "WIFI_PASSWORD");
		assertFailed(unknownNetwork, 6, "wifi_network_not_found");
		assertEquals("NoSuchNetwork", unknownNetwork.json().get("ssid").getAsString());

		assertTrue(device.serving(), "after a failure the device stays in provisioning mode for the next try");
	}

	@Test
	void nothingListeningOnTheEndpointIsUnreachable() throws Exception {
		Installation.Run run = provision("127.0.0.1:" + SimulatedDevices.closedPort(), "--pop-env", "POP", "--ssid",
				SSID, "--password-env", "WIFI_PASSWORD");
		assertFailed(run, 3, "device_unreachable");
	}

	@Test
	void anEndpointThatAcceptsButNeverAnswersTimesOutAfterTheGivenTimeout() throws Exception {
		SimulatedProtocommDevice silent = devices
				.protocomm(SimulatedDevices.protocommConfig(2, pop, SSID, password).silent(true).build());
		long start = System.nanoTime();
		Installation.Run run = provision(silent.endpoint(), "--pop-env", "POP", "--ssid", SSID, "--password-env",
				"WIFI_PASSWORD", "--timeout", "2");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertFailed(run, 7, "timeout");
		assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "it waited for the device for 2 s: " + took);
		assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0,
				"--timeout 2 bounds the wait, not the default of 90 s: took " + took);
	}
}
