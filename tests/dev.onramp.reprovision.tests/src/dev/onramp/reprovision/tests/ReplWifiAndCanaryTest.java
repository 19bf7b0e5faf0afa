/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.reprovision.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.commands.ChangeWifiCommand;
import dev.onramp.headless.internal.commands.ReprovisionCommand;
import dev.onramp.simulator.SimulatedNetwork;

/** Wi-Fi over the REPL, and the commands with unique secrets that must never appear in any output. */
class ReplWifiAndCanaryTest {

	private static IWifiProvisioner replWifi;

	@BeforeAll
	static void services() {
		replWifi = TestServices.service(IWifiProvisioner.class, "(transport=repl)");
	}

	private static ProvisioningTarget target(Board board) {
		return new ProvisioningTarget(board.port(), null, null, Optional.empty(), Duration.ofSeconds(20));
	}

	private static Board board(int octet) throws Exception {
		return Board.open(octet, SimulatedNetwork.isolated().withKnownNetwork("home", "home-password")
				.withKnownNetwork("cafe", ""));
	}

	@Test
	void scanListsTheNetworksInRange() throws Exception {
		try (Board board = board(20)) {
			assertEquals("repl", replWifi.transport());
			List<WifiNetwork> networks = replWifi.scan(target(board), new NullProgressMonitor());
			assertEquals(List.of("home", "cafe"), networks.stream().map(WifiNetwork::ssid).toList());
			assertTrue(networks.get(0).secured());
			assertFalse(networks.get(1).secured());
		}
	}

	@Test
	void joiningStoresTheNetworkInTheSettings() throws Exception {
		try (Board board = board(21)) {
			ProvisioningResult result = replWifi.provision(target(board),
					new WifiCredentials("home", Secret.of("home-password")), new NullProgressMonitor());
			assertEquals("home", result.ssid());
			assertEquals(Optional.of("127.0.0.1"), result.ipAddress());
			assertEquals("repl", result.security());
			assertEquals("home", board.device.settings().get("wifi.ssid"));
			assertEquals("home-password", board.device.settings().get("wifi.password"));
		}
	}

	@Test
	void aWrongPasswordIsWifiAuthFailed() throws Exception {
		try (Board board = board(22)) {
			OnrampException failure = assertThrows(OnrampException.class, () -> replWifi.provision(target(board),
					new WifiCredentials("home", Secret.of("not-it-4711")), new NullProgressMonitor()));
			assertEquals(FailureReason.WIFI_AUTH_FAILED, failure.reason(), failure::userText);
			assertFalse(failure.userText().contains("not-it-4711"));
			assertEquals("", board.device.settings().get("wifi.ssid"), "nothing stored after a failure");
		}
	}

	@Test
	void anUnknownNetworkIsNotFound() throws Exception {
		try (Board board = board(23)) {
			OnrampException failure = assertThrows(OnrampException.class, () -> replWifi.provision(target(board),
					new WifiCredentials("elsewhere", Secret.of("x")), new NullProgressMonitor()));
			assertEquals(FailureReason.WIFI_NETWORK_NOT_FOUND, failure.reason(), failure::userText);
			assertEquals(6, failure.reason().exitCode());
		}
	}

	@Test
	void secretsNeverAppearInTheCommandsOutput() throws Exception {
		String caPassword = System.getProperty("onramp.test.ca.password");
		assertTrue(caPassword != null && !caPassword.isEmpty());
		String wifiPassword = "canary-wifi-" + UUID.randomUUID();
		String wrongPassword = "canary-wrong-" + UUID.randomUUID();
		CommandRunner runner = new CommandRunner();
		runner.addCommand("reprovision", new ReprovisionCommand(TestServices.service(IReprovisioner.class)));
		runner.addCommand("change-wifi", new ChangeWifiCommand(List.of(replWifi),
				TestServices.service(IDeviceIdentifier.class)));
		Map<String, String> environment = Map.of("WIFI_PW", wifiPassword, "WRONG_PW", wrongPassword);
		try (Board board = Board.open(24, SimulatedNetwork.isolated().withKnownNetwork("canary-net", wifiPassword))) {
			String[] wrong = Board.run(runner, environment, List.of("change-wifi", "--port", board.port(), "--protocol",
					"repl", "--ssid", "canary-net", "--password-env", "WRONG_PW"));
			assertEquals("5", wrong[0], wrong[1] + wrong[2]);
			String[] joined = Board.run(runner, environment, List.of("--json", "change-wifi", "--port", board.port(),
					"--protocol", "repl", "--ssid", "canary-net", "--password-env", "WIFI_PW"));
			assertEquals("0", joined[0], joined[1] + joined[2]);

			String[] blessed = Board.run(runner, environment,
					List.of("--json", "reprovision", "--port", board.port(), "--wait", "30", "--https-port",
							String.valueOf(board.device.httpsPort())));
			assertEquals("0", blessed[0], blessed[1] + blessed[2]);
			JsonObject json = JsonParser.parseString(blessed[1]).getAsJsonObject();
			assertTrue(json.get("ok").getAsBoolean());
			assertTrue(json.get("verified").getAsBoolean());
			assertEquals(board.hostname(), json.get("hostname").getAsString());
			assertEquals(Board.normalized(json.get("fingerprint_sha256").getAsString()), board.served()[0]);
			assertTrue(json.has("not_after") && json.has("url") && json.has("ip") && json.has("found_by"));

			String[] human = Board.run(runner, environment,
					List.of("reprovision", "--port", board.port(), "--trust", "self-signed", "--wait", "30",
							"--https-port", String.valueOf(board.device.httpsPort())));
			assertEquals("0", human[0], human[1] + human[2]);
			String[] lines = human[1].strip().split("\\R");
			assertEquals("Connect to https://" + board.hostname() + ".local:" + board.device.httpsPort() + "/setup",
					lines[lines.length - 1]);

			String key = Board.read(board.flash("certs/prvtkey.pem"));
			String keyBody = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
			for (String[] run : List.of(wrong, joined, blessed, human)) {
				for (String output : List.of(run[1], run[2])) {
					for (String secret : List.of(caPassword, wifiPassword, wrongPassword, keyBody)) {
						assertFalse(output.contains(secret), "a secret leaked into the output:\n" + output);
					}
				}
			}
			Path log = org.eclipse.core.runtime.Platform.getLogFileLocation().toPath();
			if (Files.exists(log)) {
				String logged = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
				for (String secret : List.of(caPassword, wifiPassword, wrongPassword, keyBody)) {
					assertFalse(logged.contains(secret), "a secret in the log " + log);
				}
			}
			Path data = Path.of(System.getProperty("onramp.data.dir"));
			try (Stream<Path> files = Files.walk(data)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
					for (String secret : List.of(caPassword, wifiPassword, wrongPassword, keyBody)) {
						assertFalse(content.contains(secret), "a secret in clear in " + file);
					}
				}
			}
		}
	}
}
