/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.MacAddress;
import dev.onramp.core.repl.ExecResult;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;

/** pyDirect's {@code lib.sys.settings} on the simulated board: JSON files on its flash, as settings.py keeps them. */
class PyDirectSettingsTest {

	private SimulatedMicroPythonDevice device;

	@AfterEach
	void tearDown() {
		if (device != null) {
			device.close();
		}
	}

	private SimulatedMicroPythonDevice device(SimulatorOptions options) {
		device = SimulatedMicroPythonDevice.withTemporaryFlash(options);
		return device;
	}

	private static JsonObject json(Path file) throws Exception {
		return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
	}

	@Test
	void aFreshBoardShipsTheDefaultsAndItsFirstBootLeavesSetupModeWithoutWifi() throws Exception {
		device(SimulatorOptions.pyDirectDefaults());
		JsonObject defaults = json(device.flash().resolve("settings/default_settings.json"));
		assertTrue(defaults.get("setup_mode").getAsBoolean());
		assertEquals("pyDirect", defaults.getAsJsonObject("wifi").get("hostname_prefix").getAsString());
		assertEquals("", defaults.getAsJsonObject("wifi").get("ssid").getAsString());
		assertEquals("/certs/servercert.pem",
				defaults.getAsJsonObject("server").get("https_cert_file").getAsString());
		assertFalse(defaults.getAsJsonObject("server").has("https_port"));

		assertFalse(device.inSetupMode());
		assertEquals(Optional.of(Boolean.FALSE), device.setting("setup_mode"));
		assertFalse(device.userSettings().get("setup_mode").getAsBoolean(), "the setup server cleared and saved it");
		assertEquals(Long.valueOf(80), device.settings().get("server.http_port"));
	}

	@Test
	void getSetAndSaveWorkOnNestedKeysOverTheDefaults() throws Exception {
		device(SimulatorOptions.pyDirectDefaults());
		try (IReplSession session = Simulators.connect(device)) {
			assertEquals("80\r\nNone\r\n7\r\n", session.execOrThrow("from lib.sys import settings\n"
					+ "print(settings.get('server.http_port'))\nprint(settings.get('no.such.key'))\n"
					+ "print(settings.get('other.key', 7))", "get"));
			assertEquals("None\r\n", session.execOrThrow("print(settings.get('no.such.key', 7))", "cached"),
					"settings.py caches the first answer for a key, its default included");
			assertEquals("8080\r\n5\r\n'x'\r\nTrue\r\n", session.execOrThrow("settings.set('server.http_port', 8080)\n"
					+ "settings.set('a.b.c', 5)\nsettings.set('wifi.ssid', 'x')\n"
					+ "print(settings.get('server.http_port'))\nprint(settings.get('a.b.c'))\n"
					+ "print(repr(settings.get('wifi.ssid')))\nprint(settings.save())", "set and save"));
		}
		JsonObject user = device.userSettings();
		assertEquals(8080, user.getAsJsonObject("server").get("http_port").getAsInt());
		assertEquals(1, user.getAsJsonObject("server").size(), "only the override is the user's");
		assertEquals(5, user.getAsJsonObject("a").getAsJsonObject("b").get("c").getAsInt());
		assertEquals("x", user.getAsJsonObject("wifi").get("ssid").getAsString());
		String text = Files.readString(device.flash().resolve("settings/user_settings.json"));
		assertTrue(text.contains("\"server\": {\"http_port\": 8080}"), "json.dump's separators: " + text);
		JsonObject defaults = json(device.flash().resolve("settings/default_settings.json"));
		assertEquals(80, defaults.getAsJsonObject("server").get("http_port").getAsInt(), "defaults stay");
	}

	@Test
	void aNoneInTheUserSettingsFallsThroughToTheDefault() throws Exception {
		device(SimulatorOptions.pyDirectDefaults());
		try (IReplSession session = Simulators.connect(device)) {
			assertEquals("80\r\n", session.execOrThrow("from lib.sys import settings as s\n"
					+ "s.set('server.http_port', None)\nprint(s.get('server.http_port'))", "None"));
		}
	}

	@Test
	void valuesAreCachedForTheBootUntilSetOrReset() throws Exception {
		device(SimulatorOptions.pyDirectDefaults());
		Path user = device.flash().resolve("settings/user_settings.json");
		try (IReplSession session = Simulators.connect(device)) {
			assertEquals("80\r\n", session.execOrThrow(
					"from lib.sys import settings\nprint(settings.get('server.http_port'))", "first get"));
			Files.writeString(user, "{\"server\": {\"http_port\": 81}}");
			assertEquals("80\r\n", session.execOrThrow("print(settings.get('server.http_port'))", "cached"));
			session.softReset();
			assertEquals("81\r\n", session.execOrThrow(
					"from lib.sys import settings\nprint(settings.get('server.http_port'))", "after the reset"));
		}
	}

	@Test
	void thereIsNoTopLevelSettingsModule() throws Exception {
		device(SimulatorOptions.pyDirectDefaults());
		try (IReplSession session = Simulators.connect(device)) {
			ExecResult top = session.exec("import settings");
			assertEquals("ImportError", top.error().orElseThrow().type());
			assertEquals("True\r\n", session.execOrThrow("import lib.sys.settings\n"
					+ "print(lib.sys.settings.get('setup_mode') == False)", "dotted import"));
		}
	}

	@Test
	void plainMicroPythonHasNoPyDirectScripts() throws Exception {
		device(SimulatorOptions.pyDirectDefaults().withPyDirect(false));
		try (IReplSession session = Simulators.connect(device)) {
			assertEquals("ImportError", session.exec("from lib.sys import settings").error().orElseThrow().type());
		}
		assertFalse(Files.exists(device.flash().resolve("settings")));
	}

	@Test
	void theHostnameComesFromTheSettingsAndTheMacAsWifiPyDerivesIt() throws Exception {
		device(SimulatorOptions.pyDirectDefaults().withMac(MacAddress.parse("a1:b2:c3:d4:e5:f6")));
		assertEquals("pyDirect-e5f6", device.hostname(), "the shipped prefix");
		try (IReplSession session = Simulators.connect(device)) {
			session.execOrThrow("from lib.sys import settings\nsettings.set('wifi.hostname_prefix', 'bench')",
					"prefix");
			assertEquals("bench-e5f6", device.hostname());
			session.execOrThrow("settings.set('device.hostname', 'kitchen')", "hostname");
			assertEquals("kitchen", device.hostname());
			session.execOrThrow("settings.set('device.hostname', '')", "empty hostname");
			assertEquals("bench-e5f6", device.hostname(), "an empty device.hostname does not count");
		}
	}

	@Test
	void withoutAPrefixAnywhereTheHostnameStartsWithPydirect() throws Exception {
		device(SimulatorOptions.pyDirectDefaults());
		Files.writeString(device.flash().resolve("settings/default_settings.json"), "{\"setup_mode\": false}");
		device.pressReset();
		assertEquals("pydirect-abcd", device.hostname());
	}

	@Test
	void aBoardJoinedAtPowerOnKeepsItsNetworkInTheUserSettingsFile() throws Exception {
		device(SimulatorOptions.pyDirectDefaults().withNetwork(SimulatedNetwork.isolated().joinedTo("HomeNet", "pw")));
		JsonObject wifi = device.userSettings().getAsJsonObject("wifi");
		assertEquals("HomeNet", wifi.get("ssid").getAsString());
		assertEquals("pw", wifi.get("password").getAsString());
		assertEquals("pydirect-abcd", device.userSettings().getAsJsonObject("device").get("hostname").getAsString());
		assertEquals("pydirect-abcd", device.hostname());
		assertFalse(device.inSetupMode());
	}
}
