/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;

import com.google.gson.JsonObject;

import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.headless.internal.commands.FleetManifest;
import dev.onramp.headless.internal.commands.FleetReport;
import dev.onramp.headless.internal.commands.FleetRunner;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * Fleet throughput: {@code devices} simulated ESP-IDF security 2 devices (SRP-3072, each with its own proof of
 * possession) provisioned through the fleet command's {@link FleetRunner} with {@code --parallel} 1, 8, 16 and 32 in this
 * one JVM, where both the client's and the simulated devices' work run. The devices start before the clock; the
 * figure is rows per second of wall time. Heap after a full collection before and after each run shows whether memory
 * stays flat. A program that prints {@code FIGURE} lines, not a test:
 * {@code run-benchmark.sh --main FleetThroughputBenchmark [devices] [rounds]}; with a third argument, the path of the
 * {@code onramp} command, it times {@code onramp fleet} itself instead.
 */
public final class FleetThroughputBenchmark {

	private static final String SSID = "BenchNet"; //$NON-NLS-1$
	private static final String PASSWORD = "bench-password-1"; //$NON-NLS-1$
	private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

	private final ProtocommProvisioner provisioner = new ProtocommProvisioner();

	private FleetThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int devices = args.length > 0 ? Integer.parseInt(args[0]) : 64;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		FleetThroughputBenchmark benchmark = new FleetThroughputBenchmark();
		if (args.length > 2) {
			benchmark.command(args[2], devices, rounds);
		} else {
			benchmark.run(devices, rounds);
		}
	}

	/**
	 * The same fleet through the {@code onramp} command, a new JVM each run ({@code --parallel} 16): what a factory
	 * script sees, start-up included.
	 */
	private void command(String onramp, int devices, int rounds) throws Exception {
		System.out.printf("# fleet through %s: %d security 2 devices, --parallel 16%n", onramp, //$NON-NLS-1$
				Integer.valueOf(devices));
		long best = Long.MAX_VALUE;
		for (int round = 0; round < rounds; round++) {
			List<SimulatedProtocommDevice> started = new ArrayList<>();
			Path folder = Files.createTempDirectory("onramp-fleet-bench"); //$NON-NLS-1$
			try {
				Path manifest = Files.writeString(folder.resolve("fleet.csv"), manifest(devices, started)); //$NON-NLS-1$
				ProcessBuilder builder = new ProcessBuilder(onramp, "--data-dir", folder.resolve("data").toString(), //$NON-NLS-1$ //$NON-NLS-2$
						"fleet", manifest.toString(), "--parallel", "16", "--password-env", "BENCH_PW", "--report", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
						folder.resolve("report.json").toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD) //$NON-NLS-1$
						.redirectError(ProcessBuilder.Redirect.DISCARD);
				builder.environment().put("BENCH_PW", PASSWORD); //$NON-NLS-1$
				long start = System.nanoTime();
				Process process = builder.start();
				if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
					process.destroyForcibly();
					throw new IllegalStateException("onramp fleet failed"); //$NON-NLS-1$
				}
				best = Math.min(best, System.nanoTime() - start);
			} finally {
				started.forEach(SimulatedProtocommDevice::close);
			}
		}
		figure("fleet.command.sec2." + devices + ".parallel16.devices_per_s", devices * 1e9 / best, "devices/s", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"best of " + rounds + ": '" + onramp + " fleet' with --parallel 16, a new JVM each run (start-up " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ "included), the simulated devices in the benchmark's JVM"); //$NON-NLS-1$
	}

	private static String manifest(int count, List<SimulatedProtocommDevice> started) throws IOException {
		StringBuilder manifest = new StringBuilder("name,protocol,target,pop,ssid\n"); //$NON-NLS-1$
		for (int i = 0; i < count; i++) {
			String pop = "pop-" + UUID.randomUUID(); //$NON-NLS-1$
			SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder().security(2)
					.pop(pop).network(SSID, PASSWORD).extraVisibleNetworks(4).build());
			started.add(device);
			manifest.append("dev-").append(i).append(",provision,").append(device.endpoint()).append(',') //$NON-NLS-1$ //$NON-NLS-2$
					.append(pop).append(',').append(SSID).append('\n');
		}
		return manifest.toString();
	}

	private void run(int devices, int rounds) throws Exception {
		System.out.printf("# fleet throughput: %d security 2 devices, Java %s, %d CPUs%n", Integer.valueOf(devices), //$NON-NLS-1$
				System.getProperty("java.version"), Integer.valueOf(Runtime.getRuntime().availableProcessors())); //$NON-NLS-1$
		fleet(32, 16); // warm-up: class loading, JIT
		fleet(32, 16);
		for (int parallel : new int[] { 1, 8, 16, 32 }) {
			int count = parallel == 1 ? Math.min(devices, 16) : devices;
			double best = 0;
			long heapBefore = heapAfterGc();
			long heapAfter = heapBefore;
			long cpu = 0;
			for (int round = 0; round < rounds; round++) {
				long[] wallAndCpu = fleet(count, parallel);
				best = Math.max(best, count * 1000.0 / wallAndCpu[0]);
				cpu += wallAndCpu[1];
				heapAfter = heapAfterGc();
			}
			double cpuPerDevice = cpu / 1e6 / rounds / count;
			figure("fleet.sec2." + count + ".parallel" + parallel + ".cpu_ms_per_device", cpuPerDevice, "ms", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"processor time of the whole JVM (client, runner and simulated devices) per provisioned device"); //$NON-NLS-1$
			figure("fleet.sec2." + count + ".parallel" + parallel + ".cpu_bound_devices_per_s", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					Runtime.getRuntime().availableProcessors() * 1000.0 / cpuPerDevice, "devices/s", //$NON-NLS-1$
					"the rate this machine's processors allow at that processor time per device, whatever else runs on it"); //$NON-NLS-1$
			figure("fleet.sec2." + count + ".parallel" + parallel + ".devices_per_s", best, "devices/s", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"best of " + rounds + ": " + count + " simulated security 2 devices through the fleet runner with " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ "--parallel " + parallel + ", client and devices in one JVM"); //$NON-NLS-1$ //$NON-NLS-2$
			figure("fleet.sec2." + count + ".parallel" + parallel + ".heap_growth_mb", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					(heapAfter - heapBefore) / 1048576.0, "MB", //$NON-NLS-1$
					"heap in use after a full collection, after " + rounds + " runs minus before them (flat: about 0)"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		figure("fleet.peak_heap_mb", peakHeap() / 1048576.0, "MB", "peak heap of the whole benchmark JVM"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static void figure(String key, double value, String unit, String description) {
		System.out.printf(Locale.ROOT, "FIGURE %s %.2f %s %s%n", key, Double.valueOf(value), unit, description); //$NON-NLS-1$
	}

	/**
	 * @return wall-clock milliseconds for the fleet runner to provision {@code count} devices, and the JVM's processor
	 *         nanoseconds meanwhile
	 */
	private long[] fleet(int count, int parallel) throws Exception {
		List<SimulatedProtocommDevice> started = new ArrayList<>();
		try {
			FleetManifest rows = FleetManifest.parse(manifest(count, started));
			long start = System.nanoTime();
			long cpuStart = processCpuNanos();
			List<FleetReport.Outcome> outcomes = new FleetRunner(parallel, Duration.ofSeconds(60), NOWHERE)
					.run(rows.rows(), Map.of(), this::provision, new NullProgressMonitor());
			long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
			long cpu = processCpuNanos() - cpuStart;
			long failed = outcomes.stream().filter(o -> !o.ok()).count();
			if (failed > 0) {
				throw new IllegalStateException(failed + " of " + count + " rows failed"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return new long[] { ms, cpu };
		} finally {
			started.forEach(SimulatedProtocommDevice::close);
		}
	}

	/** What the fleet command does for a SoftAP {@code provision} row. */
	private JsonObject provision(FleetManifest.Row row, org.eclipse.core.runtime.IProgressMonitor monitor)
			throws OnrampException {
		try (Secret password = Secret.of(PASSWORD); Secret pop = Secret.of(row.pop().orElseThrow())) {
			ProvisioningTarget target = new ProvisioningTarget(row.address(), "auto", null, Optional.of(pop), //$NON-NLS-1$
					Duration.ofSeconds(30), row.transport());
			provisioner.provision(target, new WifiCredentials(row.ssid().orElseThrow(), password), monitor);
			return new JsonObject();
		}
	}

	private static long processCpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(Long.valueOf(0))
				.longValue();
	}

	private static long heapAfterGc() {
		System.gc();
		return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
	}

	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}
}
