/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.commands.ProvisionCommand;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/** {@code onramp provision} through the command runner, against simulated devices on loopback. */
class ProvisionCommandTest {

	private final Devices devices = new Devices();
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path dataDir;

	@AfterEach
	void closeDevices() {
		devices.close();
	}

	private int run(Map<String, String> environment, String... args) {
		out.reset();
		err.reset();
		CommandRunner runner = new CommandRunner();
		runner.addCommand("provision", new ProvisionCommand(new ProtocommProvisioner()));
		String[] all = new String[args.length + 2];
		all[0] = "--data-dir";
		all[1] = dataDir.toString();
		System.arraycopy(args, 0, all, 2, args.length);
		return runner.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
	}

	private String stdout() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private JsonObject json() {
		return JsonParser.parseString(stdout()).getAsJsonObject();
	}

	@Test
	void theSeedsFormWorks() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2).patchVersion(1));
		int code = run(Map.of("WIFI_PW", Devices.HOME_PASSWORD), "provision", "abcd1234", "--endpoint",
				device.endpoint(), "--ssid", Devices.HOME, "--password-env", "WIFI_PW");
		assertEquals(0, code, stdout() + stderr());
		assertTrue(stdout().contains("joined \"HomeNet\" with IP address 192.168.1.77"), stdout());
	}

	@Test
	void jsonResultCarriesIpSsidSecurity() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("pop-file-value"));
		Path popFile = dataDir.resolve("pop.txt");
		Files.writeString(popFile, "pop-file-value\n");
		int code = run(Map.of("WIFI_PW", Devices.OFFICE_PASSWORD), "--json", "provision", "--pop-file",
				popFile.toString(), "--endpoint", device.endpoint(), "--ssid", Devices.OFFICE, "--password-env",
				"WIFI_PW");
		assertEquals(0, code, stdout() + stderr());
		JsonObject result = json();
		assertTrue(result.get("ok").getAsBoolean());
		assertEquals("192.168.1.77", result.get("ip").getAsString());
		assertEquals(Devices.OFFICE, result.get("ssid").getAsString());
		assertEquals("1", result.get("security").getAsString());
		assertEquals("v1.1", result.get("proto_version").getAsString());
	}

	@Test
	void scanListsTheNetworks() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(0).pop(null));
		assertEquals(0, run(Map.of(), "--json", "provision", "--scan", "--endpoint", device.endpoint()));
		assertEquals(device.visibleNetworks(), json().getAsJsonArray("networks").size());
	}

	@Test
	void withoutATerminalTheSsidIsRequired() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(0).pop(null));
		assertEquals(2, run(Map.of(), "--json", "provision", "--endpoint", device.endpoint()));
		assertTrue(json().getAsJsonObject("error").get("message").getAsString().contains("--ssid"));
	}

	@Test
	void exitCodesOfTheContract() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2));
		String endpoint = device.endpoint();
		assertEquals(4, run(Map.of("P", "x"), "provision", "--sec", "1", "abcd1234", "--endpoint", endpoint,
				"--ssid", Devices.HOME, "--password-env", "P"));
		assertTrue(stderr().contains("runs security 2") || stdout().contains("runs security 2"),
				stdout() + stderr());
		assertEquals(4, run(Map.of("P", "x"), "provision", "nope", "--endpoint", endpoint, "--ssid", Devices.HOME,
				"--password-env", "P"));
		assertEquals(5, run(Map.of("P", "wrong"), "--json", "provision", "abcd1234", "--endpoint", endpoint,
				"--ssid", Devices.HOME, "--password-env", "P"));
		assertEquals("wifi_auth_failed", json().getAsJsonObject("error").get("reason").getAsString());
		assertEquals(Devices.HOME, json().get("ssid").getAsString(), "the failure still reports its data");
		// the next run resets the failed attempt: no factory reset needed
		assertEquals(0, run(Map.of("P", Devices.HOME_PASSWORD), "provision", "abcd1234", "--endpoint", endpoint,
				"--ssid", Devices.HOME, "--password-env", "P"), stdout() + stderr());
	}

	@Test
	void unknownNetworkExitsSix() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("pop"));
		assertEquals(6, run(Map.of("P", "x"), "provision", "pop", "--endpoint", device.endpoint(), "--ssid",
				"Cafe-5GHz", "--password-env", "P"));
	}

	@Test
	void rainmakerAssociationReportsTheNodeId() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2).rainmakerNodeId("node-42"));
		assertEquals(0, run(Map.of("P", Devices.HOME_PASSWORD, "POP", "abcd1234"), "--json", "provision",
				"--pop-env", "POP", "--endpoint", device.endpoint(), "--ssid", Devices.HOME, "--password-env", "P",
				"--user-id", "u-1", "--secret-key", "k-1"), stdout() + stderr());
		assertEquals("node-42", json().get("node_id").getAsString());
		assertEquals("u-1", device.associatedUser());
	}

	@Test
	void secretsNeverReachTheOutput() throws Exception {
		String pop = "canary-pop-5d0e3b";
		String password = "canary-pw-91ce4f";
		Map<String, String> environment = Map.of("P", password);
		SimulatedProtocommDevice wrongPop = devices.start(Devices.config().security(2).pop("other"));
		SimulatedProtocommDevice rightPop = devices.start(Devices.config().security(1).pop(pop));
		StringBuilder everything = new StringBuilder();
		assertEquals(4, run(environment, "--verbose", "provision", pop, "--endpoint", wrongPop.endpoint(), "--ssid",
				Devices.HOME, "--password-env", "P"));
		everything.append(stdout()).append(stderr());
		assertEquals(4, run(environment, "--json", "provision", pop, "--endpoint", wrongPop.endpoint(), "--ssid",
				Devices.HOME, "--password-env", "P"));
		everything.append(stdout()).append(stderr());
		assertEquals(5, run(environment, "--verbose", "provision", pop, "--endpoint", rightPop.endpoint(), "--ssid",
				Devices.HOME, "--password-env", "P"));
		everything.append(stdout()).append(stderr());
		assertEquals(0, run(Map.of("P", Devices.HOME_PASSWORD), "--json", "--verbose", "provision", pop,
				"--endpoint", rightPop.endpoint(), "--ssid", Devices.HOME, "--password-env", "P"));
		everything.append(stdout()).append(stderr());
		assertFalse(everything.toString().contains(pop), everything.toString());
		assertFalse(everything.toString().contains(password), everything.toString());
		assertFalse(everything.toString().contains(Devices.HOME_PASSWORD), everything.toString());
	}
}
