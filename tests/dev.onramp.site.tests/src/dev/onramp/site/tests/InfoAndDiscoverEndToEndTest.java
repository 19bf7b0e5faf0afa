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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.onramp.core.MacAddress;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.mdns.SimulatedMdnsAnnouncer;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/** {@code onramp info} and {@code onramp discover} as a separate process against simulated devices on loopback. */
class InfoAndDiscoverEndToEndTest {

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private final SimulatedDevices devices = new SimulatedDevices();

	@AfterEach
	void stopDevices() throws Exception {
		devices.close();
	}

	@Test
	void infoIdentifiesAPyDirectBoardAndAMissingPortIsUnreachable() throws Exception {
		Rfc2217SimulatorServer board = devices.pyDirect(3, SimulatedNetwork.isolated());
		JsonObject identity = assertSucceeded(
				product.runJson(Map.of(), temporary.resolve("data"), "info", "--port", board.uri()));
		assertEquals("pydirect", identity.get("kind").getAsString(), identity::toString);
		assertEquals("micropython", identity.get("implementation").getAsString());
		assertEquals(board.device().options().version(), identity.get("version").getAsString());
		assertEquals(board.device().options().machine(), identity.get("machine").getAsString());
		assertEquals(board.device().mac().toString(), identity.get("mac").getAsString());
		// the firmware's own rule gives pyDirect-xxxx; Onramp writes host names in lower case, as the installer does
		assertEquals(board.device().hostname().toLowerCase(java.util.Locale.ROOT), identity.get("hostname").getAsString());

		assertFailed(product.runJson(Map.of(), temporary.resolve("data"), "info", "--port",
				SimulatedDevices.MISSING_PORT), 3, "port_not_found");
	}

	@Test
	void discoverListsADeviceAnnouncedOnLoopback() throws Exception {
		// it used to run only when an earlier test had turned multicast on; on CI a missing flag now fails the test
		LoopbackMulticast.enableOrSkip();
		MacAddress mac = MacAddress.parse("24:0a:c4:e2:d1:5c");
		int httpsPort = SimulatedDevices.closedPort();
		try (SimulatedMdnsAnnouncer announcer = SimulatedMdnsAnnouncer.pyDirect(InetAddress.getByName("127.0.0.1"),
				mac, httpsPort)) {
			// the announcer probes its name for about 3 s before it answers: the browse outlasts that
			Installation.Run run = product.runJson(Map.of(), temporary.resolve("data"), "discover", "--timeout", "5",
					"--interface", "lo");
			JsonObject device = null;
			for (JsonElement candidate : assertSucceeded(run).getAsJsonArray("devices")) {
				if (candidate.getAsJsonObject().get("hostname").getAsString()
						.equals(announcer.hostname() + ".local")) {
					device = candidate.getAsJsonObject();
				}
			}
			assertNotNull(device, announcer.hostname() + ".local among the devices found: " + run);
			assertTrue(device.getAsJsonArray("addresses").toString().contains("\"127.0.0.1\""), device::toString);
			JsonObject https = null;
			for (JsonElement service : device.getAsJsonArray("services")) {
				if (service.getAsJsonObject().get("type").getAsString().equals("_https._tcp")) {
					https = service.getAsJsonObject();
				}
			}
			assertNotNull(https, "the _https._tcp service: " + device);
			assertEquals(httpsPort, https.get("port").getAsInt());
			assertEquals(mac.toString(), https.getAsJsonObject("txt").get("mac").getAsString());
		}
	}
}
