/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.headless.tests.load.LoadFleet;

/**
 * The fleet load run as a benchmark: the same 200 simulated devices with 10% faults as FleetLoadTest, driven by the
 * built product ({@code ./onramp fleet}) in a child process, then {@code --resume} over the put-right manifest.
 * Prints one {@code FIGURE} line per figure: wall time, rows per second and the child's peak resident memory
 * (VmHWM from /proc, sampled every 20 ms) of each run. Exits 1 if a run does not end as the test expects.
 *
 * <p>
 * Arguments: {@code <repository root> [devices] [parallel]}; run with {@code run-load-benchmark.sh}.
 */
public final class FleetLoadBenchmark {

	private static final long SEED = 20261203L;
	private static final Duration SAMPLE = Duration.ofMillis(20);
	/** Generous, so that only the silent rows meet it even on a loaded machine; they bound the wall time. */
	private static final String ROW_TIMEOUT = "20"; //$NON-NLS-1$

	private FleetLoadBenchmark() {
	}

	/** What one run of the product measured. */
	private record Measured(int exit, double wallSeconds, long peakKib, JsonObject report) {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath(); //$NON-NLS-1$
		int size = args.length > 1 ? Integer.parseInt(args[1]) : 200;
		int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		Path work = Files.createTempDirectory("onramp-fleet-load"); //$NON-NLS-1$
		String password = "bench-" + UUID.randomUUID(); //$NON-NLS-1$
		Map<String, String> environment = Map.of(LoadFleet.PASSWORD_ENV, password, LoadFleet.WRONG_PASSWORD_ENV,
				"wrong-" + UUID.randomUUID()); //$NON-NLS-1$
		try (LoadFleet fleet = LoadFleet.start(size, SEED, password)) {
			Path manifest = Files.writeString(work.resolve("fleet.csv"), fleet.manifest(), StandardCharsets.UTF_8); //$NON-NLS-1$
			Path report = work.resolve("report.json"); //$NON-NLS-1$
			long faulty = fleet.faults().values().stream().filter(f -> f != LoadFleet.Fault.NONE).count();
			Measured first = run(root, work, environment, manifest, report, parallel, false);
			int expected = faulty == 0 ? 0 : 3;
			check(first, expected, size, size - (int) faulty, "first run"); //$NON-NLS-1$
			Files.writeString(manifest, fleet.fixedManifest(), StandardCharsets.UTF_8);
			Measured resumed = run(root, work, environment, manifest, report, parallel, true);
			check(resumed, 0, size, size, "resumed run"); //$NON-NLS-1$
			String setting = size + " simulated devices (" + fleet.mix() + "), " + faulty //$NON-NLS-1$ //$NON-NLS-2$
					+ " with faults, --parallel " + parallel + ", --row-timeout " + ROW_TIMEOUT; //$NON-NLS-1$ //$NON-NLS-2$
			figure("fleet_load_wall_s", first.wallSeconds(), "s", //$NON-NLS-1$ //$NON-NLS-2$
					"./onramp fleet, wall time from process start to exit (JVM start included; the silent rows wait out the row timeout): " //$NON-NLS-1$
							+ setting);
			double busy = lastAnsweredRow(first.report());
			figure("fleet_load_answered_s", busy, "s", //$NON-NLS-1$ //$NON-NLS-2$
					"from the first row's start to the end of the last row that did not wait out the row timeout (the silent devices), from the report"); //$NON-NLS-1$
			figure("fleet_load_rows_per_s", (size - silent(fleet)) / busy, "rows/s", //$NON-NLS-1$ //$NON-NLS-2$
					"rows answered per second of that time"); //$NON-NLS-1$
			figure("fleet_load_peak_rss_mib", first.peakKib() / 1024.0, "MiB", //$NON-NLS-1$ //$NON-NLS-2$
					"peak resident memory (VmHWM) of the onramp process during that run"); //$NON-NLS-1$
			figure("fleet_load_resume_wall_s", resumed.wallSeconds(), "s", //$NON-NLS-1$ //$NON-NLS-2$
					"./onramp fleet --resume after the faults were put right: " + faulty + " rows run, " //$NON-NLS-1$ //$NON-NLS-2$
							+ (size - faulty) + " skipped"); //$NON-NLS-1$
			figure("fleet_load_resume_peak_rss_mib", resumed.peakKib() / 1024.0, "MiB", //$NON-NLS-1$ //$NON-NLS-2$
					"peak resident memory (VmHWM) of the onramp process during the resumed run"); //$NON-NLS-1$
		} finally {
			deleteTree(work);
		}
	}

	private static Measured run(Path root, Path work, Map<String, String> environment, Path manifest, Path report,
			int parallel, boolean resume) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(root.resolve("onramp").toString(), "--data-dir", //$NON-NLS-1$ //$NON-NLS-2$
				work.resolve("data").toString(), "--json", "fleet", manifest.toString(), "--parallel", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				Integer.toString(parallel), "--row-timeout", ROW_TIMEOUT, "--report", report.toString())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (resume) {
			command.add("--resume"); //$NON-NLS-1$
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(work.resolve("out.json").toFile()) //$NON-NLS-1$
				.redirectError(work.resolve("err.txt").toFile()); //$NON-NLS-1$
		builder.environment().putAll(environment);
		long start = System.nanoTime();
		Process process = builder.start();
		long peak = 0;
		// the script execs java: the child's pid is the JVM's
		Path status = Path.of("/proc", Long.toString(process.pid()), "status"); //$NON-NLS-1$ //$NON-NLS-2$
		while (!process.waitFor(SAMPLE.toMillis(), TimeUnit.MILLISECONDS)) {
			peak = Math.max(peak, highWaterMark(status));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		JsonObject document = Files.exists(report)
				? JsonParser.parseString(Files.readString(report)).getAsJsonObject()
				: new JsonObject();
		return new Measured(process.exitValue(), seconds, peak, document);
	}

	private static long silent(LoadFleet fleet) {
		return fleet.faults().values().stream().filter(f -> f == LoadFleet.Fault.SILENT).count();
	}

	/** @return seconds from the earliest row start to the latest end of a row that was not stopped by its timeout */
	private static double lastAnsweredRow(JsonObject report) {
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		for (var element : report.getAsJsonArray("rows")) { //$NON-NLS-1$
			JsonObject row = element.getAsJsonObject();
			long start = java.time.Instant.parse(row.get("started").getAsString()).toEpochMilli(); //$NON-NLS-1$
			first = Math.min(first, start);
			boolean stopped = !row.get("error").isJsonNull() //$NON-NLS-1$
					&& "timeout".equals(row.getAsJsonObject("error").get("reason").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (!stopped) {
				last = Math.max(last, start + row.get("duration_ms").getAsLong()); //$NON-NLS-1$
			}
		}
		return (last - first) / 1000.0;
	}

	/** @return VmHWM in KiB, 0 once the process is gone */
	private static long highWaterMark(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmHWM:")) { //$NON-NLS-1$
					return Long.parseLong(line.substring(6).replace("kB", "").strip()); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		} catch (IOException | NumberFormatException e) {
			// ended between two samples
		}
		return 0;
	}

	private static void check(Measured measured, int exit, int total, int ok, String what) {
		JsonObject summary = measured.report().getAsJsonObject("summary"); //$NON-NLS-1$
		if (measured.exit() != exit || summary == null || summary.get("total").getAsInt() != total //$NON-NLS-1$
				|| summary.get("ok").getAsInt() != ok) { //$NON-NLS-1$
			System.err.println("The " + what + " did not end as expected: exit " + measured.exit() + " (expected " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ exit + "), summary " + summary + " (expected " + ok + " of " + total + " ok)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			if (measured.report().has("rows")) { //$NON-NLS-1$
				measured.report().getAsJsonArray("rows").forEach(row -> { //$NON-NLS-1$
					if (!row.getAsJsonObject().get("ok").getAsBoolean()) { //$NON-NLS-1$
						System.err.println("  " + row.getAsJsonObject().get("name").getAsString() + " " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
								+ row.getAsJsonObject().get("duration_ms") + " ms: " + row.getAsJsonObject().get("error")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					}
				});
			}
			System.exit(1);
		}
	}

	private static void figure(String key, double value, String unit, String description) {
		System.out.println(String.format(Locale.ROOT, "FIGURE %s %.2f %s %s", key, Double.valueOf(value), unit, //$NON-NLS-1$
				description));
	}

	private static void deleteTree(Path directory) throws IOException {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}
}
