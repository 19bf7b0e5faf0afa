/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * Fleet throughput (devices per second) for 8 and 32 simulated ESP-IDF security 2 devices with --parallel 1, 4
 * and 8, and the wall time of {@code onramp demo}. A benchmark, not a test: it lives in the test bundle only because
 * the fleet command needs the DS-wired services of an OSGi runtime. It is reported as skipped, never as passed: in
 * the ordinary test run it does not run, and when {@code -Donramp.fleet.benchmark=true} (run-fleet-benchmark.sh)
 * asks for it, it prints {@code BENCH} lines (a table) and {@code FIGURE} lines (one per figure) and then ends as
 * skipped. A fleet run that fails still fails it.
 */
class FleetBenchmarkTest {

	private static final String SSID = "BenchNet"; //$NON-NLS-1$

	@TempDir
	Path folder;

	@Test
	void fleetThroughputAndDemoWallTime() throws Exception {
		Assumptions.assumeTrue(Boolean.getBoolean("onramp.fleet.benchmark"), //$NON-NLS-1$
				"a benchmark, not a test: tests/dev.onramp.headless.tests/run-fleet-benchmark.sh runs it"); //$NON-NLS-1$
		String password = "bench-" + UUID.randomUUID(); //$NON-NLS-1$
		Map<String, String> environment = Map.of("BENCH_PW", password); //$NON-NLS-1$
		List<String> lines = new ArrayList<>();
		List<String> figures = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-8s %-9s %10s %12s", "devices", "parallel", "wall_ms", "devices/s")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		// warm-up: class loading and JIT, not measured
		fleet(4, 4, password, environment);
		for (int devices : new int[] { 8, 32 }) {
			for (int parallel : new int[] { 1, 4, 8 }) {
				long ms = fleet(devices, parallel, password, environment);
				lines.add(String.format(Locale.ROOT, "%-8d %-9d %10d %12.2f", Integer.valueOf(devices), //$NON-NLS-1$
						Integer.valueOf(parallel), Long.valueOf(ms), Double.valueOf(devices * 1000.0 / ms)));
				figures.add(String.format(Locale.ROOT, "FIGURE fleet.sec2.devices%d.parallel%d %.2f devices/s " //$NON-NLS-1$
						+ "fleet of %d simulated security 2 devices, --parallel %d", Integer.valueOf(devices), //$NON-NLS-1$
						Integer.valueOf(parallel), Double.valueOf(devices * 1000.0 / ms), Integer.valueOf(devices),
						Integer.valueOf(parallel)));
			}
		}
		long[] demo = new long[3];
		for (int i = 0; i < demo.length; i++) {
			long start = System.nanoTime();
			CliHarness.Run run = CliHarness.run(Map.of(), "demo"); //$NON-NLS-1$
			demo[i] = (System.nanoTime() - start) / 1_000_000;
			assertEquals(0, run.exit(), run::toString);
			if (i == 0) {
				Arrays.stream(run.out().split("\n")).forEach(line -> lines.add("demo| " + line)); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		Arrays.sort(demo);
		lines.add("demo wall time (in-process, median of 3): " + demo[1] + " ms (min " + demo[0] + ", max " + demo[2] //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ ")"); //$NON-NLS-1$
		figures.add("FIGURE demo.wall.median " + demo[1] + " ms onramp demo in process, median of 3"); //$NON-NLS-1$ //$NON-NLS-2$
		lines.forEach(line -> System.out.println("BENCH " + line)); //$NON-NLS-1$
		figures.forEach(System.out::println);
		Assumptions.abort("benchmark figures printed above; a benchmark is never reported as a passed test"); //$NON-NLS-1$
	}

	private long fleet(int count, int parallel, String password, Map<String, String> environment) throws Exception {
		List<SimulatedProtocommDevice> devices = new ArrayList<>();
		try {
			StringBuilder manifest = new StringBuilder("name,protocol,target,pop,ssid,password_env\n"); //$NON-NLS-1$
			for (int i = 0; i < count; i++) {
				String pop = "pop-" + UUID.randomUUID(); //$NON-NLS-1$
				SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
						.security(2).pop(pop).network(SSID, password).extraVisibleNetworks(4).build());
				devices.add(device);
				manifest.append("dev-").append(i).append(",provision,").append(device.endpoint()).append(',') //$NON-NLS-1$ //$NON-NLS-2$
						.append(pop).append(',').append(SSID).append(",BENCH_PW\n"); //$NON-NLS-1$
			}
			Path file = Files.writeString(folder.resolve("bench-" + count + "-" + parallel + ".csv"), manifest, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					StandardCharsets.UTF_8);
			long start = System.nanoTime();
			CliHarness.Run run = CliHarness.run(environment, "fleet", file.toString(), "--parallel", //$NON-NLS-1$ //$NON-NLS-2$
					Integer.toString(parallel));
			long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
			assertEquals(0, run.exit(), run::toString);
			return ms;
		} finally {
			for (SimulatedProtocommDevice device : devices) {
				device.close();
			}
		}
	}
}
