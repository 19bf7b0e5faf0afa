/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static dev.onramp.site.tests.CommandAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * The seed's Change WiFi / Re-provision flow on a board that behaves like the published pyDirect firmware (settings
 * in {@code lib.sys.settings}, a main.py that ignores Ctrl-C, setup mode after a re-provision), through the built
 * product: over {@code rfc2217://}, where Onramp resets the board through RTS, and on a pseudo-terminal, which has no
 * reset lines, where the user presses RESET when Onramp asks.
 */
class PyDirectAsPublishedEndToEndTest {

	private static final String SSID = "Workshop";
	private static final String CA_PASSWORD = "ca-" + UUID.randomUUID();

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private final SimulatedDevices devices = new SimulatedDevices();
	private final String password = "pw-" + UUID.randomUUID();

	@AfterEach
	void stopDevices() throws Exception {
		devices.close();
	}

	private JsonObject onramp(String... args) throws Exception {
		return assertSucceeded(product.runJson(Map.of("WIFI_PASSWORD", password, "ONRAMP_CA_PASSWORD", CA_PASSWORD),
				temporary.resolve("data"), args));
	}

	@Test
	void overRfc2217InfoChangeWifiAndReprovisionFollowTheBoardsSettings() throws Exception {
		Rfc2217SimulatorServer board = devices.pyDirect(0x21, SimulatedNetwork.isolated().withKnownNetwork(SSID, password));
		SimulatedMicroPythonDevice device = board.device();
		// this board's settings keep its certificate somewhere else than the firmware's defaults
		Files.writeString(device.flash().resolve("settings/user_settings.json"),
				"{\"setup_mode\": false, \"server\": {\"https_cert_file\": \"/tls/device.crt\", " //$NON-NLS-1$
						+ "\"https_key_file\": \"/tls/device.key\"}}", //$NON-NLS-1$
				StandardCharsets.UTF_8);
		// wifi.py: <wifi.hostname_prefix ("pyDirect")>-<last 4 hex of the MAC>; in lower case, as the installer stores it
		String hostname = "pydirect-2121";

		JsonObject info = onramp("info", "--port", board.uri());
		assertEquals("pydirect", info.get("kind").getAsString(), info::toString);
		assertEquals(hostname, info.get("hostname").getAsString(), info::toString);
		// the board boots as the line opens: a Ctrl-C during boot.py reaches the REPL; had main.py (which ignores
		// Ctrl-C) started first, one reset through RTS gets past it. PortProbeTest pins each path
		assertTrue(board.resets() <= 1, "at most one reset through RTS to reach the REPL: " + board.resets());

		Map<String, String> before = flashDigests(device.flash());
		JsonObject joined = onramp("change-wifi", "--port", board.uri(), "--ssid", SSID, "--password-env",
				"WIFI_PASSWORD");
		assertEquals("repl", joined.get("protocol").getAsString(), "auto asked the board: " + joined);
		assertTrue(joined.get("remembered").getAsBoolean(), joined::toString);
		JsonObject user = device.userSettings();
		assertEquals(SSID, user.getAsJsonObject("wifi").get("ssid").getAsString(), user::toString);
		assertEquals(password, user.getAsJsonObject("wifi").get("password").getAsString());
		assertTrue(user.getAsJsonObject("server").get("https_enabled").getAsBoolean(), user::toString);
		assertEquals(hostname, user.getAsJsonObject("device").get("hostname").getAsString(), user::toString);
		Map<String, String> after = flashDigests(device.flash());
		after.remove("settings/user_settings.json");
		before.remove("settings/user_settings.json");
		assertEquals(before, after, "the network went into the user settings and no other file");

		JsonObject blessed = onramp("reprovision", "--port", board.uri(), "--wait", "30", "--https-port",
				String.valueOf(device.httpsPort()));
		assertTrue(blessed.get("verified").getAsBoolean(), blessed::toString);
		assertEquals("https://" + hostname + ".local:" + device.httpsPort() + "/setup", blessed.get("url").getAsString(),
				"the page where the user sets the device password");
		assertTrue(device.inSetupMode(), "the board came back running its setup server");
		assertFalse(Files.exists(device.flash().resolve("certs/servercert.pem")), "nothing at the default paths");
		X509Certificate installed;
		try (InputStream in = Files.newInputStream(device.flash().resolve("tls/device.crt"))) {
			installed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		assertEquals(blessed.get("fingerprint_sha256").getAsString(), ServedCertificate.fingerprint(installed));
		assertTrue(Files.readString(device.flash().resolve("tls/device.key"), StandardCharsets.US_ASCII)
				.contains("PRIVATE KEY"));
		String page = get(device.httpsPort(), "/setup");
		assertTrue(page.contains(hostname + ".local"), "the setup page names the board: " + page);
	}

	@Test
	void onAPseudoTerminalWithoutResetLinesTheUserPressesResetWhenAsked() throws Exception {
		SimulatorServer board = devices.pyDirectOnTcp(0x22, SimulatedNetwork.isolated(), UnaryOperator.identity());
		try (PtyBridge port = PtyBridge.plugIn(temporary, "ttyUSB", board.port());
				TerminalSession terminal = TerminalSession.start(
						product.command("info", "--port", port.port(), "--data-dir", temporary.resolve("data").toString()),
						Map.of("ONRAMP_STDIN_TTY", "1", "ONRAMP_STDERR_TTY", "1"))) {
			terminal.awaitScreen("Press RESET on the board");
			board.device().pressReset();
			int exitCode = terminal.awaitExit();
			String screen = terminal.screen();
			assertEquals(0, exitCode, screen);
			assertTrue(screen.contains("pydirect-2222"), "identified with its host name:\n" + screen);
		}
	}

	private static Map<String, String> flashDigests(Path flash) throws IOException {
		Map<String, String> digests = new TreeMap<>();
		try (Stream<Path> files = Files.walk(flash)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				try {
					digests.put(flash.relativize(file).toString().replace('\\', '/'), HexFormat.of()
							.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
				} catch (java.security.NoSuchAlgorithmException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return digests;
	}

	/** A GET over TLS to the board on 127.0.0.1, trusting what it serves (its certificate is checked elsewhere). */
	private static String get(int port, String path) throws Exception {
		SSLContext context = ServedCertificate.lookingOnly(chain -> {
			// looked at, not judged: the certificate is checked elsewhere
		});
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
