/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static dev.onramp.site.tests.CommandAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * {@code onramp fleet} as a separate process over a manifest of simulated devices with mixed outcomes: every row in
 * the report with its reason, the documented exit code (the most frequent failure class, the lower code on a tie),
 * {@code --dry-run}, {@code --resume} and {@code --row-timeout}.
 */
class FleetEndToEndTest {

	private static final String SSID = "FactoryLab";
	private static final String HEADER = "name,protocol,target,pop,ssid,password_env\n";

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private final SimulatedDevices devices = new SimulatedDevices();
	private final String pop = "pop-" + UUID.randomUUID();
	private final String password = "pw-" + UUID.randomUUID();
	private final Map<String, String> environment = Map.of("FLEET_PW", password);

	@AfterEach
	void stopDevices() throws Exception {
		devices.close();
	}

	@Test
	void aMixedFleetReportsEveryRowDryRunChangesNothingAndResumeRerunsOnlyTheFailedRows() throws Exception {
		SimulatedProtocommDevice okProvision = devices.protocomm(2, pop, SSID, password);
		ImprovSimulatorServer okImprov = devices.improv(Map.of(SSID, password));
		Rfc2217SimulatorServer okRepl = devices.pyDirect(7, SimulatedNetwork.isolated().withKnownNetwork(SSID, password));
		SimulatedProtocommDevice wrongPopA = devices.protocomm(2, pop, SSID, password);
		SimulatedProtocommDevice wrongPopB = devices.protocomm(2, pop, SSID, password);
		SimulatedProtocommDevice unknownNetwork = devices.protocomm(2, pop, SSID, password);
		String unreachable = "127.0.0.1:" + SimulatedDevices.closedPort();
		String wrongPop = "wrong-" + pop;
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("ok-provision", "provision," + okProvision.endpoint() + "," + pop + "," + SSID);
		rows.put("ok-improv", "improv," + okImprov.uri() + ",," + SSID);
		rows.put("ok-repl", "repl," + okRepl.uri() + ",," + SSID);
		rows.put("wrong-pop-a", "provision," + wrongPopA.endpoint() + "," + wrongPop + "," + SSID);
		rows.put("wrong-pop-b", "provision," + wrongPopB.endpoint() + "," + wrongPop + "," + SSID);
		rows.put("unknown-network", "provision," + unknownNetwork.endpoint() + "," + pop + ",NoSuchNetwork");
		rows.put("unreachable", "provision," + unreachable + "," + pop + "," + SSID);
		Path manifest = manifest(rows);

		// a dry run reaches every target and sends nothing
		Path dryReport = temporary.resolve("dry-run.json");
		assertFailed(fleet(manifest, "--dry-run", "--report", dryReport.toString()), 3, "device_unreachable");
		JsonObject dry = read(dryReport);
		assertTrue(dry.get("dry_run").getAsBoolean());
		Map<String, JsonObject> checked = rows(dry);
		assertEquals(List.copyOf(rows.keySet()), List.copyOf(checked.keySet()),
				"every row in the report, in manifest order");
		for (String name : rows.keySet()) {
			if (!name.equals("unreachable")) {
				assertTrue(checked.get(name).get("ok").getAsBoolean(), checked.get(name)::toString);
			}
		}
		assertRowFailed(checked.get("unreachable"), 3, "device_unreachable");
		for (SimulatedProtocommDevice device : List.of(okProvision, wrongPopA, wrongPopB, unknownNetwork)) {
			assertNull(device.lastReceivedSsid(), "a dry run sends no credentials");
			assertTrue(device.serving(), "a dry run leaves the device in provisioning mode");
		}
		assertNull(okImprov.lastReceivedSsid(), "a dry run sends nothing over Improv");
		assertNotEquals(SSID, okRepl.device().settings().get("wifi.ssid"), "a dry run stores nothing over the REPL");

		// the real run: two rejected handshakes are the most frequent failure class
		Path report = temporary.resolve("report.json");
		JsonObject document = assertFailed(fleet(manifest, "--report", report.toString()), 4, "handshake_rejected");
		assertEquals(document.get("rows"), read(report).get("rows"), "stdout and the report file agree");
		Map<String, JsonObject> ran = rows(read(report));
		assertEquals(List.copyOf(rows.keySet()), List.copyOf(ran.keySet()), "every row in the report");
		assertEquals("192.168.1.77", results(ran.get("ok-provision")).get("ip").getAsString());
		assertEquals(SSID, results(ran.get("ok-improv")).get("ssid").getAsString());
		assertEquals("127.0.0.1", results(ran.get("ok-repl")).get("ip").getAsString());
		assertRowFailed(ran.get("wrong-pop-a"), 4, "handshake_rejected");
		assertRowFailed(ran.get("wrong-pop-b"), 4, "handshake_rejected");
		assertRowFailed(ran.get("unknown-network"), 6, "wifi_network_not_found");
		assertRowFailed(ran.get("unreachable"), 3, "device_unreachable");
		assertEquals(SSID, okImprov.lastReceivedSsid());
		assertEquals(SSID, okRepl.device().settings().get("wifi.ssid"));

		// one row fixed in the manifest: --resume runs the failed rows only; one failure each is a tie, lowest wins
		rows.put("wrong-pop-a", "provision," + wrongPopA.endpoint() + "," + pop + "," + SSID);
		manifest(rows);
		assertFailed(fleet(manifest, "--report", report.toString(), "--resume"), 3, "device_unreachable");
		Map<String, JsonObject> resumed = rows(read(report));
		for (String done : List.of("ok-provision", "ok-improv", "ok-repl")) {
			JsonObject row = resumed.get(done);
			assertTrue(row.get("ok").getAsBoolean() && row.has("skipped"), "ok before, so skipped: " + row);
			assertEquals(results(ran.get(done)), results(row), "the previous results are kept");
		}
		JsonObject fixed = resumed.get("wrong-pop-a");
		assertTrue(fixed.get("ok").getAsBoolean(), fixed::toString);
		assertFalse(fixed.has("skipped"), "it failed before, so it ran again");
		assertEquals(SSID, wrongPopA.lastReceivedSsid());
		assertRowFailed(resumed.get("wrong-pop-b"), 4, "handshake_rejected");
		assertRowFailed(resumed.get("unknown-network"), 6, "wifi_network_not_found");
		assertRowFailed(resumed.get("unreachable"), 3, "device_unreachable");
	}

	@Test
	void aRowWhoseDeviceNeverAnswersIsStoppedAtTheRowTimeoutWhileTheOthersSucceed() throws Exception {
		SimulatedProtocommDevice silent = devices
				.protocomm(SimulatedDevices.protocommConfig(2, pop, SSID, password).silent(true).build());
		SimulatedProtocommDevice good = devices.protocomm(2, pop, SSID, password);
		ImprovSimulatorServer improv = devices.improv(Map.of(SSID, password));
		Map<String, String> rows = new LinkedHashMap<>();
		rows.put("silent", "provision," + silent.endpoint() + "," + pop + "," + SSID);
		rows.put("good", "provision," + good.endpoint() + "," + pop + "," + SSID);
		rows.put("improv", "improv," + improv.uri() + ",," + SSID);
		Path report = temporary.resolve("report.json");

		long start = System.nanoTime();
		Installation.Run run = fleet(manifest(rows), "--report", report.toString(), "--row-timeout", "2");
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertFailed(run, 7, "timeout");
		Map<String, JsonObject> outcomes = rows(read(report));
		JsonObject stopped = outcomes.get("silent");
		assertRowFailed(stopped, 7, "timeout");
		assertTrue(stopped.getAsJsonObject("error").get("message").getAsString().contains("within 2 s"),
				stopped::toString);
		long rowMillis = stopped.get("duration_ms").getAsLong();
		assertTrue(rowMillis >= 1_900 && rowMillis < 15_000,
				"stopped after about 2 s, not the device's own 90 s: " + rowMillis + " ms");
		assertTrue(outcomes.get("good").get("ok").getAsBoolean(), outcomes.get("good")::toString);
		assertTrue(outcomes.get("improv").get("ok").getAsBoolean(), outcomes.get("improv")::toString);
		assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "the whole fleet took " + took);
	}

	private Installation.Run fleet(Path manifest, String... args) throws IOException, InterruptedException {
		List<String> all = new ArrayList<>(List.of("fleet", manifest.toString(), "--parallel", "4"));
		all.addAll(List.of(args));
		return product.runJson(environment, temporary.resolve("data"), all.toArray(String[]::new));
	}

	/** @param rows name to {@code protocol,target,pop,ssid}; every row reads its password from FLEET_PW */
	private Path manifest(Map<String, String> rows) throws IOException {
		StringBuilder text = new StringBuilder(HEADER);
		rows.forEach((name, row) -> text.append(name).append(',').append(row).append(",FLEET_PW\n"));
		return Files.writeString(temporary.resolve("fleet.csv"), text, StandardCharsets.UTF_8);
	}

	private static JsonObject read(Path report) throws IOException {
		return JsonParser.parseString(Files.readString(report, StandardCharsets.UTF_8)).getAsJsonObject();
	}

	/** @return the report's rows by name, in report order */
	static Map<String, JsonObject> rows(JsonObject report) {
		Map<String, JsonObject> rows = new LinkedHashMap<>();
		for (JsonElement row : report.getAsJsonArray("rows")) {
			rows.put(row.getAsJsonObject().get("name").getAsString(), row.getAsJsonObject());
		}
		return rows;
	}

	private static JsonObject results(JsonObject row) {
		assertTrue(row.get("ok").getAsBoolean(), row::toString);
		return row.getAsJsonObject("results");
	}

	private static void assertRowFailed(JsonObject row, int code, String reason) {
		assertFalse(row.get("ok").getAsBoolean(), row::toString);
		JsonObject error = row.getAsJsonObject("error");
		assertEquals(code, error.get("code").getAsInt(), row::toString);
		assertEquals(reason, error.get("reason").getAsString(), row::toString);
		assertFalse(error.get("message").getAsString().isBlank(), row::toString);
	}
}
