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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/** {@code onramp fleet} against real simulated devices on 127.0.0.1, through the DS-wired runner. */
class FleetCommandTest {

	private static final String SSID = "FactoryLab"; //$NON-NLS-1$

	@TempDir
	Path folder;

	private final List<AutoCloseable> devices = new ArrayList<>();
	private final String password = "pw-" + UUID.randomUUID(); //$NON-NLS-1$
	private final String wrongPassword = "wrongpw-" + UUID.randomUUID(); //$NON-NLS-1$
	private final Map<String, String> environment = new HashMap<>(
			Map.of("FLEET_PW", password, "WRONG_PW", wrongPassword)); //$NON-NLS-1$ //$NON-NLS-2$
	private final List<String> secrets = new ArrayList<>(List.of(password, wrongPassword));

	@AfterEach
	void stopDevices() throws Exception {
		for (AutoCloseable device : devices) {
			device.close();
		}
	}

	@Test
	void mixedFleetReportsEveryRowAndResumeSkipsTheRowsThatAreDone() throws Exception {
		StringBuilder manifest = new StringBuilder("name,protocol,target,pop,ssid,password_env\n"); //$NON-NLS-1$
		for (int i = 0; i < 5; i++) {
			String pop = pop();
			manifest.append("good-").append(i).append(",provision,").append(device(pop).endpoint()).append(',') //$NON-NLS-1$ //$NON-NLS-2$
					.append(pop).append(',').append(SSID).append(",FLEET_PW\n"); //$NON-NLS-1$
		}
		String wrongPop = pop();
		manifest.append("wrong-pop,provision,").append(device(pop()).endpoint()).append(',').append(wrongPop) //$NON-NLS-1$
				.append(',').append(SSID).append(",FLEET_PW\n"); //$NON-NLS-1$
		String pop = pop();
		manifest.append("unknown-network,provision,").append(device(pop).endpoint()).append(',').append(pop) //$NON-NLS-1$
				.append(",NoSuchNetwork,FLEET_PW\n"); //$NON-NLS-1$
		Path manifestFile = write("fleet.csv", manifest.toString()); //$NON-NLS-1$
		Path report = folder.resolve("report.json"); //$NON-NLS-1$

		CliHarness.Run run = CliHarness.run(environment, "fleet", manifestFile.toString(), "--parallel", "4", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"--report", report.toString(), "--json"); //$NON-NLS-1$ //$NON-NLS-2$

		assertEquals(4, run.exit(), "a tie between failure classes takes the lower code (handshake) " + run); //$NON-NLS-1$
		JsonObject document = run.json();
		assertFalse(document.get("ok").getAsBoolean()); //$NON-NLS-1$
		assertEquals(4, document.getAsJsonObject("error").get("code").getAsInt()); //$NON-NLS-1$ //$NON-NLS-2$
		Map<String, JsonObject> rows = rows(JsonParser.parseString(Files.readString(report)).getAsJsonObject());
		assertEquals(7, rows.size());
		for (int i = 0; i < 5; i++) {
			JsonObject good = rows.get("good-" + i); //$NON-NLS-1$
			assertTrue(good.get("ok").getAsBoolean(), good::toString); //$NON-NLS-1$
			assertTrue(good.get("error").isJsonNull()); //$NON-NLS-1$
			assertEquals("192.168.1.77", good.getAsJsonObject("results").get("ip").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			assertEquals(SSID, good.getAsJsonObject("results").get("ssid").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$
			Instant.parse(good.get("started").getAsString()); //$NON-NLS-1$
			assertTrue(good.get("duration_ms").getAsLong() >= 0); //$NON-NLS-1$
		}
		assertFailed(rows.get("wrong-pop"), 4, "handshake_rejected"); //$NON-NLS-1$ //$NON-NLS-2$
		assertFailed(rows.get("unknown-network"), 6, "wifi_network_not_found"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(run.err().contains("good-3"), "per-row progress on stderr"); //$NON-NLS-1$ //$NON-NLS-2$
		assertNoSecrets(run, report);

		// the provisioned devices have left provisioning mode: only a skip can make their rows ok again
		CliHarness.Run resumed = CliHarness.run(environment, "fleet", manifestFile.toString(), "--parallel", "4", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"--report", report.toString(), "--resume"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(4, resumed.exit(), resumed::toString);
		Map<String, JsonObject> after = rows(JsonParser.parseString(Files.readString(report)).getAsJsonObject());
		for (int i = 0; i < 5; i++) {
			JsonObject good = after.get("good-" + i); //$NON-NLS-1$
			assertTrue(good.get("ok").getAsBoolean() && good.has("skipped"), good::toString); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals("192.168.1.77", good.getAsJsonObject("results").get("ip").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		assertFailed(after.get("wrong-pop"), 4, "handshake_rejected"); //$NON-NLS-1$ //$NON-NLS-2$
		assertFalse(after.get("wrong-pop").has("skipped")); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(resumed.out().contains("skipped"), resumed::toString); //$NON-NLS-1$
		assertNoSecrets(resumed, report);
	}

	@Test
	void wrongPasswordRowFailsAloneAndEveryRowSucceedingExitsZero() throws Exception {
		String pop = pop();
		String otherPop = pop();
		Path manifestFile = write("fleet.csv", "name,protocol,target,pop,ssid,password_env\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "a,provision," + device(pop).endpoint() + "," + pop + "," + SSID + ",WRONG_PW\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ "b,provision," + device(otherPop).endpoint() + "," + otherPop + "," + SSID + ",\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		Path passwordFile = write("password.txt", password + "\n"); //$NON-NLS-1$ //$NON-NLS-2$
		Path report = folder.resolve("report.json"); //$NON-NLS-1$
		CliHarness.Run run = CliHarness.run(environment, "fleet", manifestFile.toString(), "--password-file", //$NON-NLS-1$ //$NON-NLS-2$
				passwordFile.toString(), "--report", report.toString(), "--parallel", "2"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(5, run.exit(), run::toString);
		Map<String, JsonObject> rows = rows(JsonParser.parseString(Files.readString(report)).getAsJsonObject());
		assertFailed(rows.get("a"), 5, "wifi_auth_failed"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(rows.get("b").get("ok").getAsBoolean(), "the default password from --password-file"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertNoSecrets(run, report);

		String third = pop();
		Path allGood = write("good.csv", "name,protocol,target,pop,ssid,password_env\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "c,provision," + device(third).endpoint() + "," + third + "," + SSID + ",FLEET_PW\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		CliHarness.Run good = CliHarness.run(environment, "fleet", allGood.toString(), "--json"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(0, good.exit(), good::toString);
		assertEquals(1, good.json().getAsJsonObject("summary").get("ok").getAsInt()); //$NON-NLS-1$ //$NON-NLS-2$
		assertNoSecrets(good, null);
	}

	@Test
	void dryRunChangesNothingAndReportsUnreachableTargets() throws Exception {
		String pop = pop();
		SimulatedProtocommDevice reachable = device(pop);
		ImprovSimulatorServer improv = new ImprovSimulatorServer(Map.of(SSID, password), List.of());
		devices.add(improv);
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		Path manifestFile = write("fleet.csv", "name,protocol,target,pop,ssid,password_env\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "up,provision," + reachable.endpoint() + "," + pop + "," + SSID + ",FLEET_PW\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ "serial-up,improv," + improv.uri() + ",," + SSID + ",FLEET_PW\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "down,provision,127.0.0.1:" + closedPort + "," + pop + "," + SSID + ",FLEET_PW\n" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ "serial-down,improv,socket://127.0.0.1:" + closedPort + ",," + SSID + ",FLEET_PW\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Path report = folder.resolve("dry.json"); //$NON-NLS-1$
		CliHarness.Run run = CliHarness.run(environment, "fleet", manifestFile.toString(), "--dry-run", "--report", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				report.toString(), "--parallel", "4"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(3, run.exit(), run::toString);
		JsonObject document = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
		assertTrue(document.get("dry_run").getAsBoolean()); //$NON-NLS-1$
		Map<String, JsonObject> rows = rows(document);
		assertTrue(rows.get("up").get("ok").getAsBoolean(), rows.get("up")::toString); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(rows.get("serial-up").get("ok").getAsBoolean(), rows.get("serial-up")::toString); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertFailed(rows.get("down"), 3, "device_unreachable"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(3, rows.get("serial-down").getAsJsonObject("error").get("code").getAsInt()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(reachable.serving(), "the device is still in provisioning mode"); //$NON-NLS-1$
		assertNull(reachable.lastReceivedSsid(), "no credentials were sent"); //$NON-NLS-1$
		assertNull(improv.lastReceivedSsid(), "no credentials were sent over Improv"); //$NON-NLS-1$
		assertNoSecrets(run, report);

		// a dry run's report marks nothing as done: resuming from it runs every row
		CliHarness.Run real = CliHarness.run(environment, "fleet", write("one.csv", //$NON-NLS-1$ //$NON-NLS-2$
				"name,protocol,target,pop,ssid,password_env\nup,provision," + reachable.endpoint() + "," + pop + "," //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ SSID + ",FLEET_PW\n").toString(), "--report", report.toString(), "--resume"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(0, real.exit(), real::toString);
		assertEquals(SSID, reachable.lastReceivedSsid());
	}

	@Test
	void malformedManifestAndBadOptionsAreUsageErrors() throws Exception {
		Path manifestFile = write("bad.csv", "name,protocol,target,ssid\na,provision,127.0.0.1:1,X\na,improv,x,Y\n"); //$NON-NLS-1$ //$NON-NLS-2$
		CliHarness.Run run = CliHarness.run(environment, "fleet", manifestFile.toString()); //$NON-NLS-1$
		assertEquals(2, run.exit(), run::toString);
		assertTrue(run.err().contains("Manifest line 3"), run::toString); //$NON-NLS-1$
		assertEquals(2, CliHarness.run(environment, "fleet", manifestFile.toString(), "--parallel", "0").exit()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (String rowTimeout : List.of("0", "-5", "1.5", "soon")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			CliHarness.Run invalid = CliHarness.run(environment, "fleet", manifestFile.toString(), "--row-timeout", //$NON-NLS-1$ //$NON-NLS-2$
					rowTimeout);
			assertEquals(2, invalid.exit(), invalid::toString);
			assertTrue(invalid.err().contains("--row-timeout takes a positive whole number"), invalid::toString); //$NON-NLS-1$
		}
		assertEquals(2, CliHarness.run(environment, "fleet", manifestFile.toString(), "--resume").exit()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(2, CliHarness.run(environment, "fleet", folder.resolve("missing.csv").toString()).exit()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private SimulatedProtocommDevice device(String pop) throws IOException {
		SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder().security(2)
				.pop(pop).network(SSID, password).extraVisibleNetworks(2).attempts(1).build());
		devices.add(device);
		return device;
	}

	private String pop() {
		String pop = "pop-" + UUID.randomUUID(); //$NON-NLS-1$
		secrets.add(pop);
		return pop;
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
	}

	private static Map<String, JsonObject> rows(JsonObject report) {
		Map<String, JsonObject> rows = new HashMap<>();
		for (JsonElement row : report.getAsJsonArray("rows")) { //$NON-NLS-1$
			rows.put(row.getAsJsonObject().get("name").getAsString(), row.getAsJsonObject()); //$NON-NLS-1$
		}
		return rows;
	}

	private static void assertFailed(JsonObject row, int code, String reason) {
		assertFalse(row.get("ok").getAsBoolean(), row::toString); //$NON-NLS-1$
		JsonObject error = row.getAsJsonObject("error"); //$NON-NLS-1$
		assertEquals(code, error.get("code").getAsInt(), row::toString); //$NON-NLS-1$
		assertEquals(reason, error.get("reason").getAsString()); //$NON-NLS-1$
		assertFalse(error.get("message").getAsString().isBlank()); //$NON-NLS-1$
	}

	/** The canary: no proof of possession and no password of this test appears in any output or report. */
	private void assertNoSecrets(CliHarness.Run run, Path report) throws IOException {
		String reportText = report == null ? "" : Files.readString(report); //$NON-NLS-1$
		for (String secret : secrets) {
			assertFalse(run.out().contains(secret), "a secret on stdout"); //$NON-NLS-1$
			assertFalse(run.err().contains(secret), "a secret on stderr"); //$NON-NLS-1$
			assertFalse(reportText.contains(secret), "a secret in the report"); //$NON-NLS-1$
		}
	}
}
