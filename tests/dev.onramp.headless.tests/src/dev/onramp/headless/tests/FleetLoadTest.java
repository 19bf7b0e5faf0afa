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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.headless.tests.load.LoadFleet;
import dev.onramp.headless.tests.load.LoadFleet.Fault;

/**
 * {@code onramp fleet} under load: 200 simulated devices of every kind the runner drives, one in ten failing in one of
 * five ways chosen by a fixed seed. Every row is in the report exactly once, in manifest order, each failed row with
 * its own reason; {@code --resume} over the put-right manifest runs exactly the failed rows, and they succeed.
 */
class FleetLoadTest {

	private static final int SIZE = 200;
	private static final long SEED = 20261203L;
	private static final Pattern ROW_START = Pattern.compile("(?m)^onramp: fleet: ([a-z]+-\\d{3}): "); //$NON-NLS-1$

	@TempDir
	Path folder;

	@Test
	void twoHundredDevicesWithTenPercentFaultsLoseNothingAndResumeFinishesExactlyTheFailedRows() throws Exception {
		String password = "load-pw-" + UUID.randomUUID(); //$NON-NLS-1$
		String wrongPassword = "load-wrong-" + UUID.randomUUID(); //$NON-NLS-1$
		Map<String, String> environment = Map.of(LoadFleet.PASSWORD_ENV, password, LoadFleet.WRONG_PASSWORD_ENV,
				wrongPassword);
		try (LoadFleet fleet = LoadFleet.start(SIZE, SEED, password)) {
			Map<String, Fault> faults = fleet.faults();
			assertEquals(SIZE, faults.size());
			assertEquals(SIZE / 10, faults.values().stream().filter(f -> f != Fault.NONE).count(), "10% faults");
			for (Fault kind : Fault.values()) {
				assertTrue(faults.containsValue(kind), "every kind of fault is in the fleet: " + kind);
			}
			List<String> secrets = new ArrayList<>(fleet.secrets());
			secrets.add(wrongPassword);
			Path manifest = Files.writeString(folder.resolve("fleet.csv"), fleet.manifest(), StandardCharsets.UTF_8); //$NON-NLS-1$
			Path report = folder.resolve("report.json"); //$NON-NLS-1$

			CliHarness.Run run = CliHarness.run(environment, "fleet", manifest.toString(), "--parallel", "16", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"--row-timeout", "10", "--report", report.toString(), "--json"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

			// four rows of each failure class: a tie, which the lowest exit code (device unreachable, 3) wins
			assertEquals(3, run.exit(), () -> summary(run));
			JsonObject document = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
			assertEquals(document.get("rows"), run.json().get("rows"), "stdout and the report file agree"); //$NON-NLS-1$ //$NON-NLS-2$
			Map<String, JsonObject> rows = everyRowOnce(document, faults);
			JsonObject summary = document.getAsJsonObject("summary"); //$NON-NLS-1$
			assertEquals(SIZE, summary.get("total").getAsInt()); //$NON-NLS-1$
			assertEquals(SIZE / 10, summary.get("failed").getAsInt(), summary::toString); //$NON-NLS-1$
			for (Map.Entry<String, Fault> expected : faults.entrySet()) {
				JsonObject row = rows.get(expected.getKey());
				if (expected.getValue() == Fault.NONE) {
					assertTrue(row.get("ok").getAsBoolean(), row::toString); //$NON-NLS-1$
					assertEquals(LoadFleet.SSID, row.getAsJsonObject("results").get("ssid").getAsString(), //$NON-NLS-1$ //$NON-NLS-2$
							row::toString);
				} else {
					assertFailedWith(row, expected.getValue());
				}
			}
			Set<String> failed = new HashSet<>();
			faults.forEach((name, fault) -> {
				if (fault != Fault.NONE) {
					failed.add(name);
				}
			});
			assertEquals(rowsStarted(run), Set.copyOf(faults.keySet()), "the first run started every row"); //$NON-NLS-1$
			assertNoSecret(secrets, run, report);

			// the operator puts every fault right; --resume runs the failed rows and nothing else
			Files.writeString(manifest, fleet.fixedManifest(), StandardCharsets.UTF_8);
			CliHarness.Run resumed = CliHarness.run(environment, "fleet", manifest.toString(), "--parallel", "16", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"--row-timeout", "10", "--report", report.toString(), "--resume", "--json"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			assertEquals(0, resumed.exit(), () -> summary(resumed));
			assertEquals(failed, rowsStarted(resumed), "--resume started exactly the rows that had failed"); //$NON-NLS-1$
			JsonObject after = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
			Map<String, JsonObject> resumedRows = everyRowOnce(after, faults);
			assertEquals(SIZE, after.getAsJsonObject("summary").get("ok").getAsInt()); //$NON-NLS-1$ //$NON-NLS-2$
			assertEquals(SIZE - failed.size(), after.getAsJsonObject("summary").get("skipped").getAsInt()); //$NON-NLS-1$ //$NON-NLS-2$
			for (Map.Entry<String, JsonObject> entry : resumedRows.entrySet()) {
				JsonObject row = entry.getValue();
				assertTrue(row.get("ok").getAsBoolean(), row::toString); //$NON-NLS-1$
				assertEquals(!failed.contains(entry.getKey()), row.has("skipped"), row::toString); //$NON-NLS-1$
				if (row.has("skipped")) { //$NON-NLS-1$
					assertEquals(rows.get(entry.getKey()).get("results"), row.get("results"), //$NON-NLS-1$ //$NON-NLS-2$
							"a skipped row keeps its earlier results"); //$NON-NLS-1$
				}
			}
			assertNoSecret(secrets, resumed, report);
		}
	}

	/** @return the report's rows by name, after checking each manifest row is there once, in manifest order */
	private static Map<String, JsonObject> everyRowOnce(JsonObject report, Map<String, Fault> manifest) {
		Map<String, JsonObject> rows = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		for (JsonElement element : report.getAsJsonArray("rows")) { //$NON-NLS-1$
			JsonObject row = element.getAsJsonObject();
			String name = row.get("name").getAsString(); //$NON-NLS-1$
			names.add(name);
			assertFalse(rows.containsKey(name), "row " + name + " twice in the report"); //$NON-NLS-1$ //$NON-NLS-2$
			rows.put(name, row);
		}
		assertEquals(List.copyOf(manifest.keySet()), names, "every row once, none lost, in manifest order"); //$NON-NLS-1$
		return rows;
	}

	private static void assertFailedWith(JsonObject row, Fault fault) {
		assertFalse(row.get("ok").getAsBoolean(), row::toString); //$NON-NLS-1$
		JsonObject error = row.getAsJsonObject("error"); //$NON-NLS-1$
		assertEquals(fault.reason(), error.get("reason").getAsString(), () -> fault + ": " + row); //$NON-NLS-1$
		assertEquals(fault.code(), error.get("code").getAsInt(), row::toString); //$NON-NLS-1$
		String message = error.get("message").getAsString(); //$NON-NLS-1$
		String specific = switch (fault) {
		case WRONG_POP -> "proof of possession"; //$NON-NLS-1$
		case WRONG_PASSWORD -> "password"; //$NON-NLS-1$
		case SILENT -> "within 10 s"; //$NON-NLS-1$
		case RESET_MID_HANDSHAKE -> "reset during /prov-session"; //$NON-NLS-1$
		case NETWORK_NOT_FOUND -> "NoSuchNetwork"; //$NON-NLS-1$
		case NONE -> ""; //$NON-NLS-1$
		};
		String text = message + " " + (error.has("hint") ? error.get("hint").getAsString() : ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		assertTrue(text.contains(specific), () -> fault + " should say '" + specific + "': " + row); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return the rows whose start the run announced on stderr (a skipped row is announced as skipped instead) */
	private static Set<String> rowsStarted(CliHarness.Run run) {
		Set<String> started = new HashSet<>();
		Matcher matcher = ROW_START.matcher(run.err());
		while (matcher.find()) {
			assertTrue(started.add(matcher.group(1)), "row " + matcher.group(1) + " started twice"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return started;
	}

	private static void assertNoSecret(List<String> secrets, CliHarness.Run run, Path report) throws Exception {
		String all = run.out() + run.err() + Files.readString(report);
		for (String secret : secrets) {
			assertFalse(all.contains(secret), "a secret in the output or the report"); //$NON-NLS-1$
		}
	}

	private static String summary(CliHarness.Run run) {
		String out = run.out();
		return "exit " + run.exit() + "\n" + (out.length() > 4000 ? out.substring(0, 4000) + "..." : out) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ "\n--- stderr (end)\n" + run.err().substring(Math.max(0, run.err().length() - 4000)); //$NON-NLS-1$
	}
}
