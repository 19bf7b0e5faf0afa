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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.repl.IReplSession;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;

/**
 * setup_server.py on the simulated board: with {@code setup_mode} set, main.py serves the password page over HTTPS
 * with the installed certificate until a password is set, then soft-resets into the normal boot.
 */
class SetupModeTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@TempDir
	Path temp;

	private SimulatedMicroPythonDevice device;
	private TestCertificate certificate;
	private HttpClient https;

	@BeforeEach
	void setUp() throws Exception {
		device = SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions.pyDirectDefaults()
				.withNetwork(SimulatedNetwork.isolated().joinedTo("HomeNet", "secret-pw")));
		certificate = TestCertificate.create(temp, "pydirect-abcd");
		https = HttpClient.newBuilder().sslContext(certificate.trustingIt()).connectTimeout(WAIT).build();
	}

	@AfterEach
	void tearDown() {
		device.close();
		https.close();
	}

	/** What the web installer's re-provisioning does: certificate files, setup_mode, machine.reset(). */
	private void reprovision(String certFile, String keyFile) throws Exception {
		certificate.install(device.flash(), certFile, keyFile);
		try (IReplSession session = Simulators.connect(device)) {
			session.execOrThrow("from lib.sys import settings\nsettings.set('server.https_cert_file', '" + certFile
					+ "')\nsettings.set('server.https_key_file', '" + keyFile + "')\n"
					+ "settings.set('setup_mode', True)\nsettings.save()", "setup mode");
			session.hardReset(null);
		}
		assertTrue(Simulators.await(device::inSetupMode, WAIT), "setup mode after the reset");
		assertTrue(Simulators.await(device::servesHttps, WAIT), "the setup server is up");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + device.httpsPort() + path))
				.timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonObject setPassword(String password) throws Exception {
		JsonObject body = new JsonObject();
		body.addProperty("password", password);
		HttpResponse<String> response = https.send(HttpRequest
				.newBuilder(URI.create("https://127.0.0.1:" + device.httpsPort() + "/set-password")).timeout(WAIT)
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(200, response.statusCode());
		return JsonParser.parseString(response.body()).getAsJsonObject();
	}

	@Test
	void theSetupPageTakesAPasswordAndTheBoardRebootsIntoNormalMode() throws Exception {
		reprovision("/certs/servercert.pem", "/certs/prvtkey.pem");

		HttpResponse<String> page = get("/setup");
		assertEquals(200, page.statusCode());
		assertTrue(page.body().contains("pydirect-abcd.local"), page.body());
		assertTrue(page.body().contains("127.0.0.1"), page.body());
		assertTrue(page.body().contains("type=\"password\""), page.body());
		assertTrue(get("/").body().contains("url=/setup"));

		JsonObject refused = setPassword("abc");
		assertFalse(refused.get("success").getAsBoolean());
		assertEquals("Password too short (min 4 chars)", refused.get("error").getAsString());
		assertTrue(device.inSetupMode());
		assertEquals(Optional.of(Boolean.TRUE), device.setting("setup_mode"));

		int softResets = device.softResets();
		JsonObject accepted = setPassword("good-password");
		assertTrue(accepted.get("success").getAsBoolean(), accepted.toString());
		assertEquals("https://scriptostudio.com/app/?device=pydirect-abcd.local",
				accepted.get("redirect").getAsString());

		assertTrue(Simulators.await(() -> !device.inSetupMode() && device.servesHttps(), WAIT),
				"back in normal mode, serving");
		JsonObject user = device.userSettings();
		assertFalse(user.get("setup_mode").getAsBoolean());
		assertEquals("good-password", user.getAsJsonObject("server").get("webrepl_password").getAsString());
		HttpResponse<String> status = get("/");
		assertTrue(status.body().contains("pydirect-abcd.local is online"), status.body());
		assertEquals(404, get("/setup").statusCode(), "the setup routes are gone");
		assertEquals(softResets, device.softResets(), "no serial line saw the soft reset");
	}

	@Test
	void theSetupServerUsesTheCertificateTheSettingsName() throws Exception {
		reprovision("/flash/tls/cert.pem", "/flash/tls/key.pem");
		assertFalse(Files.exists(device.flash().resolve("certs")));
		assertEquals(200, get("/setup").statusCode());
	}

	@Test
	void theSerialConsoleShowsTheSetupServerAndCtrlCReachesTheRepl() throws Exception {
		reprovision("/certs/servercert.pem", "/certs/prvtkey.pem");
		try (DeviceConsole console = new DeviceConsole(device.connectPipe())) {
			assertTrue(console.await("System booting...\r\n", WAIT));
			assertTrue(console.await("[MAIN] Setup mode detected, starting setup server...\r\n", WAIT),
					console.seen());
			assertTrue(console.await("[SETUP] Setup server ready at https://pydirect-abcd.local/setup\r\n", WAIT),
					console.seen());
			console.send("\u0003");
			assertTrue(console.await("KeyboardInterrupt: \r\n", WAIT), console.seen());
			assertTrue(console.await(">>> ", WAIT));
			assertTrue(Simulators.await(() -> !device.servesHttps(), WAIT), "the setup server ended with main.py");
		}
	}

	@Test
	void aSerialLineInTheSetupServerFollowsTheSoftResetIntoTheNormalLoop() throws Exception {
		reprovision("/certs/servercert.pem", "/certs/prvtkey.pem");
		// closing the REPL session restarted main.py once already (the product leaves boards running their firmware)
		int softResets = device.softResets();
		try (DeviceConsole console = new DeviceConsole(device.connectPipe())) {
			assertTrue(console.await("[SETUP] Setup server ready", WAIT), console.seen());
			assertTrue(setPassword("good-password").get("success").getAsBoolean());
			assertTrue(console.await("[SETUP] Password saved, setup complete!\r\n", WAIT), console.seen());
			assertTrue(console.await("MPY: soft reboot\r\nSystem booting...\r\n", WAIT), console.seen());
			assertTrue(console.await("main.py: pyDirect running, tick 1", WAIT), console.seen());
			assertEquals(softResets + 1, device.softResets(), "the setup server's soft reset");
		}
	}

	@Test
	void setupModeWithoutTheCertificateFilesFallsBackToTheNormalBoot() throws Exception {
		try (IReplSession session = Simulators.connect(device)) {
			session.execOrThrow("from lib.sys import settings\nsettings.set('setup_mode', True)\nsettings.save()",
					"setup mode");
			session.hardReset(null);
		}
		assertEquals(1, device.hardResets());
		assertTrue(Simulators.await(() -> !device.inSetupMode(), WAIT), "main.py went on with the normal boot");
		assertFalse(device.servesHttps());
		assertEquals(Optional.of(Boolean.TRUE), device.setting("setup_mode"), "the flag stays for the next boot");
	}
}
