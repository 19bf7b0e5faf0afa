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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * Fleet throughput of the real command: {@code ./onramp fleet} (a child process, as a factory script runs it) over
 * a manifest of simulated ESP-IDF SoftAP devices of one security level served in this process on 127.0.0.1, once per
 * {@code --parallel} value; {@code --parallel 1} is the one-after-another anchor. Devices per second are taken from
 * the report's own row times (first start to last end, without the JVM's start-up) and, beside them, from the
 * command's wall time. A program, not a test: the benchmark command runs it.
 * <p>
 * Usage: {@code FleetThroughput <onramp-command> <devices> <security> <parallel>...}; prints {@code FIGURE} lines
 * and, with {@code -Donramp.bench.dir=DIR}, writes {@code DIR/fleet-sec<S>.csv} ({@code parallel,devices_per_s,
 * wall_devices_per_s}) for the plot.
 */
public final class FleetThroughput {

	private static final String SSID = "BenchNet"; //$NON-NLS-1$

	private FleetThroughput() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: FleetThroughput <onramp-command> <devices> <security> <parallel>..."); //$NON-NLS-1$
			System.exit(2);
		}
		Path onramp = Path.of(args[0]);
		int devices = Integer.parseInt(args[1]);
		int security = Integer.parseInt(args[2]);
		Path work = Files.createTempDirectory("onramp-fleet-bench"); //$NON-NLS-1$
		StringBuilder csv = new StringBuilder("parallel,devices_per_s,wall_devices_per_s\n"); //$NON-NLS-1$
		try {
			// warm-up: the product's class-data archive and the page cache, not measured
			run(onramp, work, Math.min(devices, 4), security, 4);
			double anchor = 0;
			for (int i = 3; i < args.length; i++) {
				int parallel = Integer.parseInt(args[i]);
				double[] rates = run(onramp, work, devices, security, parallel);
				if (parallel == 1) {
					anchor = rates[0];
				}
				String key = "fleet.sec" + security + ".p" + parallel; //$NON-NLS-1$ //$NON-NLS-2$
				figure(key + ".rate", rates[0], "devices/s", String.format(Locale.ROOT, //$NON-NLS-1$ //$NON-NLS-2$
						"%d security-%d SoftAP devices, --parallel %d, from the report's row times", //$NON-NLS-1$
						Integer.valueOf(devices), Integer.valueOf(security), Integer.valueOf(parallel)));
				figure(key + ".wall_rate", rates[1], "devices/s", String.format(Locale.ROOT, //$NON-NLS-1$ //$NON-NLS-2$
						"the same run from the command's wall time (JVM start-up included)")); //$NON-NLS-1$
				if (anchor > 0 && parallel != 1) {
					figure(key + ".speedup", rates[0] / anchor, "x", //$NON-NLS-1$ //$NON-NLS-2$
							"against one after another (--parallel 1)"); //$NON-NLS-1$
				}
				csv.append(parallel).append(',').append(String.format(Locale.ROOT, "%.3f,%.3f%n", //$NON-NLS-1$
						Double.valueOf(rates[0]), Double.valueOf(rates[1])));
			}
			String dir = System.getProperty("onramp.bench.dir"); //$NON-NLS-1$
			if (dir != null) {
				Files.writeString(Path.of(dir, "fleet-sec" + security + ".csv"), csv, StandardCharsets.UTF_8); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} finally {
			deleteTree(work);
		}
	}

	private static void figure(String key, double value, String unit, String description) {
		System.out.println(String.format(Locale.ROOT, "FIGURE %s %.3f %s %s", key, Double.valueOf(value), unit, //$NON-NLS-1$
				description));
	}

	/** @return {devices/s from the report's row times, devices/s from the command's wall time} */
	private static double[] run(Path onramp, Path work, int count, int security, int parallel) throws Exception {
		String password = "bench-" + UUID.randomUUID(); //$NON-NLS-1$
		List<SimulatedProtocommDevice> devices = new ArrayList<>();
		try {
			StringBuilder manifest = new StringBuilder("name,protocol,target,pop,ssid,password_env\n"); //$NON-NLS-1$
			for (int i = 0; i < count; i++) {
				String pop = "pop-" + UUID.randomUUID(); //$NON-NLS-1$
				SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
						.security(security).pop(pop).network(SSID, password).extraVisibleNetworks(4).build());
				devices.add(device);
				manifest.append("dev-").append(i).append(",provision,").append(device.endpoint()).append(',') //$NON-NLS-1$ //$NON-NLS-2$
						.append(security == 0 ? "" : pop).append(',').append(SSID).append(",BENCH_PW\n"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			Path file = Files.writeString(work.resolve("fleet-" + count + "-" + parallel + ".csv"), manifest, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					StandardCharsets.UTF_8);
			Path report = work.resolve("report-" + count + "-" + parallel + ".json"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Files.deleteIfExists(report);
			ProcessBuilder builder = new ProcessBuilder(onramp.toString(), "--data-dir", //$NON-NLS-1$
					work.resolve("data").toString(), "fleet", file.toString(), "--parallel", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					Integer.toString(parallel), "--report", report.toString()) //$NON-NLS-1$
					.redirectErrorStream(true).redirectOutput(work.resolve("fleet.log").toFile()); //$NON-NLS-1$
			builder.environment().put("BENCH_PW", password); //$NON-NLS-1$
			long start = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("the fleet command did not finish within 10 minutes"); //$NON-NLS-1$
			}
			long wallNanos = System.nanoTime() - start;
			String log = Files.readString(work.resolve("fleet.log")).replace(password, "***"); //$NON-NLS-1$ //$NON-NLS-2$
			if (process.exitValue() != 0) {
				throw new IllegalStateException("the fleet command exited " + process.exitValue() + ":\n" + log); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return new double[] { count / spanSeconds(report, count), count / (wallNanos / 1e9) };
		} finally {
			devices.forEach(SimulatedProtocommDevice::close);
		}
	}

	/** @return seconds from the first row's start to the last row's end, from the report */
	private static double spanSeconds(Path report, int count) throws IOException {
		JsonObject json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
		JsonArray rows = json.getAsJsonArray("rows"); //$NON-NLS-1$
		if (rows == null || rows.size() != count) {
			throw new IllegalStateException("the report has " + (rows == null ? 0 : rows.size()) + " rows, not " //$NON-NLS-1$ //$NON-NLS-2$
					+ count);
		}
		Instant first = Instant.MAX;
		Instant last = Instant.MIN;
		for (JsonElement element : rows) {
			JsonObject row = element.getAsJsonObject();
			Instant started = Instant.parse(row.get("started").getAsString()); //$NON-NLS-1$
			Instant ended = started.plusMillis(row.get("duration_ms").getAsLong()); //$NON-NLS-1$
			first = started.isBefore(first) ? started : first;
			last = ended.isAfter(last) ? ended : last;
		}
		return Math.max(1, last.toEpochMilli() - first.toEpochMilli()) / 1000.0;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
