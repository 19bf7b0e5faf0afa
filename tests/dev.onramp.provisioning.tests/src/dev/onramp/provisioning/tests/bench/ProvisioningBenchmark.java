/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bench;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.commands.ProvisionCommand;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * Provisioning latency to Connected (security 1 and 2) against simulated devices with no artificial delay, in
 * process, through the CLI in process and, when a built product is given, through {@code java -jar} of its
 * launcher; then the throughput of N devices provisioned one after another versus in parallel. A program that
 * prints figures, not a test: {@code run-benchmark.sh [runs] [product-dir]}.
 */
public final class ProvisioningBenchmark {

	private static final String SSID = "BenchNet"; //$NON-NLS-1$
	private static final String PASSWORD = "bench-password-1"; //$NON-NLS-1$
	private static final String POP = "abcd1234"; //$NON-NLS-1$
	private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

	private final ProtocommProvisioner provisioner = new ProtocommProvisioner();

	private ProvisioningBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		Optional<Path> product = args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty();
		new ProvisioningBenchmark().run(runs, product);
	}

	private void run(int runs, Optional<Path> product) throws Exception {
		System.out.printf("Onramp provisioning benchmark: %d runs per row, Java %s, %d CPUs%n", //$NON-NLS-1$
				Integer.valueOf(runs), System.getProperty("java.version"), //$NON-NLS-1$
				Integer.valueOf(Runtime.getRuntime().availableProcessors()));
		System.out.println("Simulated device: no added delay; it reports Connecting on the first status poll and " //$NON-NLS-1$
				+ "Connected on the second, so every run includes one client poll interval (250 ms)."); //$NON-NLS-1$
		// warm-up: class loading, JIT, the security providers
		for (int security = 1; security <= 2; security++) {
			for (int i = 0; i < 5; i++) {
				inProcess(security);
				cli(security);
			}
		}
		System.out.println();
		System.out.printf("%-44s %9s %9s %9s %9s%n", "Latency to Connected", "median ms", "p90 ms", "min ms", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				"max ms"); //$NON-NLS-1$
		for (int security = 1; security <= 2; security++) {
			long[] session = new long[runs];
			long[] total = new long[runs];
			long[] cli = new long[runs];
			for (int i = 0; i < runs; i++) {
				long[] split = inProcess(security);
				session[i] = split[0];
				total[i] = split[1];
				cli[i] = cli(security);
			}
			row("sec" + security + " in-process: proto-ver + handshake", session); //$NON-NLS-1$ //$NON-NLS-2$
			row("sec" + security + " in-process: total to Connected", total); //$NON-NLS-1$ //$NON-NLS-2$
			row("sec" + security + " CLI in-process (CommandRunner)", cli); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (product.isPresent()) {
			productRows(product.get(), Math.min(runs, 5));
		}
		System.out.println();
		System.out.printf("%-44s %9s %9s %9s%n", "Throughput, sec2 (devices x threads)", "wall ms", "devices/s", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"speed-up"); //$NON-NLS-1$
		for (int devices : new int[] { 8, 32 }) {
			double sequential = 0;
			for (int threads : new int[] { 1, 4, 8 }) {
				long wall = throughput(devices, threads);
				double perSecond = devices * 1000.0 / wall;
				if (threads == 1) {
					sequential = wall;
				}
				System.out.printf(Locale.ROOT, "%-44s %9d %9.1f %8.1fx%n", //$NON-NLS-1$
						devices + " devices, " + (threads == 1 ? "one after another" : threads + " threads"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						Long.valueOf(wall), Double.valueOf(perSecond), Double.valueOf(sequential / wall));
			}
		}
	}

	private void row(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		String line = String.format(Locale.ROOT, "%-44s %9.1f %9.1f %9.1f %9.1f", name, //$NON-NLS-1$
				Double.valueOf(ms(percentile(sorted, 50))), Double.valueOf(ms(percentile(sorted, 90))),
				Double.valueOf(ms(sorted[0])), Double.valueOf(ms(sorted[sorted.length - 1])));
		System.out.println(line);
	}

	private static long percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

	private static SimulatedProtocommDevice device(int security) throws IOException {
		return SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder().security(security).pop(POP)
				.network(SSID, PASSWORD).extraVisibleNetworks(4).build());
	}

	private static ProvisioningTarget target(SimulatedProtocommDevice device) {
		return new ProvisioningTarget(device.endpoint(), "auto", null, Optional.of(Secret.of(POP)), //$NON-NLS-1$
				Duration.ofSeconds(30));
	}

	/** @return {nanoseconds to an open session, nanoseconds to Connected}; the device starts outside the clock */
	private long[] inProcess(int security) throws Exception {
		try (SimulatedProtocommDevice device = device(security)) {
			ProvisioningTarget target = target(device);
			long start = System.nanoTime();
			try (IProtocommSession session = provisioner.open(target, null)) {
				long opened = System.nanoTime();
				ProtocommOutcome outcome = session.provision(new WifiCredentials(SSID, Secret.of(PASSWORD)),
						new NullProgressMonitor());
				long done = System.nanoTime();
				if (!outcome.confirmed()) {
					throw new IllegalStateException("not confirmed"); //$NON-NLS-1$
				}
				return new long[] { opened - start, done - start };
			}
		}
	}

	private long cli(int security) throws Exception {
		Path dataDir = Files.createTempDirectory("onramp-bench"); //$NON-NLS-1$
		try (SimulatedProtocommDevice device = device(security)) {
			CommandRunner runner = new CommandRunner();
			runner.addCommand("provision", new ProvisionCommand(provisioner));
			long start = System.nanoTime();
			int code = runner.run(new String[] { "--data-dir", dataDir.toString(), "--json", "provision", POP, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"--endpoint", device.endpoint(), "--ssid", SSID, "--password-env", "PW" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					NOWHERE, NOWHERE, Map.of("PW", PASSWORD)); //$NON-NLS-1$
			long elapsed = System.nanoTime() - start;
			if (code != 0) {
				throw new IllegalStateException("exit " + code); //$NON-NLS-1$
			}
			return elapsed;
		} finally {
			deleteTree(dataDir);
		}
	}

	/** Each run is a fresh JVM and OSGi framework: the figure a script calling {@code onramp provision} sees. */
	private void productRows(Path product, int runs) throws Exception {
		File[] launchers = product.resolve("plugins").toFile() //$NON-NLS-1$
				.listFiles((dir, name) -> name.startsWith("org.eclipse.equinox.launcher_") && name.endsWith(".jar")); //$NON-NLS-1$ //$NON-NLS-2$
		File[] provisioning = product.resolve("plugins").toFile() //$NON-NLS-1$
				.listFiles((dir, name) -> name.startsWith("dev.onramp.provisioning_")); //$NON-NLS-1$
		if (launchers == null || launchers.length == 0 || provisioning == null || provisioning.length == 0) {
			System.out.println("(product at " + product + " skipped: it has no launcher or no provisioning bundle; " //$NON-NLS-1$ //$NON-NLS-2$
					+ "rebuild it with releng/dev.onramp.product)"); //$NON-NLS-1$
			return;
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString(); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (int security = 1; security <= 2; security++) {
			long[] nanos = new long[runs];
			for (int i = 0; i < runs; i++) {
				Path dataDir = Files.createTempDirectory("onramp-bench"); //$NON-NLS-1$
				try (SimulatedProtocommDevice device = device(security)) {
					List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto")); //$NON-NLS-1$
					if (Files.exists(product.resolve("onramp.jsa"))) { //$NON-NLS-1$
						command.add("-XX:SharedArchiveFile=" + product.resolve("onramp.jsa")); //$NON-NLS-1$ //$NON-NLS-2$
					}
					command.addAll(List.of("-jar", launchers[0].getPath(), "--data-dir", dataDir.toString(), "--json", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							"provision", POP, "--endpoint", device.endpoint(), "--ssid", SSID, "--password-env", "PW")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					ProcessBuilder builder = new ProcessBuilder(command).directory(product.toFile())
							.redirectErrorStream(true);
					builder.environment().put("PW", PASSWORD); //$NON-NLS-1$
					long start = System.nanoTime();
					Process process = builder.start();
					ByteArrayOutputStream output = new ByteArrayOutputStream();
					process.getInputStream().transferTo(output);
					if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
						process.destroyForcibly();
						System.out.println("(product run failed: " //$NON-NLS-1$
								+ output.toString(StandardCharsets.UTF_8).strip().replace(PASSWORD, "***") + ")"); //$NON-NLS-1$ //$NON-NLS-2$
						return;
					}
					nanos[i] = System.nanoTime() - start;
				} finally {
					deleteTree(dataDir);
				}
			}
			row("sec" + security + " product, java -jar (new JVM each)", nanos); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** @return wall-clock milliseconds to provision {@code devices} devices on {@code threads} threads */
	private long throughput(int devices, int threads) throws Exception {
		List<SimulatedProtocommDevice> started = new ArrayList<>();
		try {
			for (int i = 0; i < devices; i++) {
				started.add(device(2));
			}
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				long start = System.nanoTime();
				List<Future<?>> results = new ArrayList<>();
				for (SimulatedProtocommDevice device : started) {
					results.add(pool.submit(() -> {
						provisioner.provision(target(device), new WifiCredentials(SSID, Secret.of(PASSWORD)), null);
						return null;
					}));
				}
				for (Future<?> result : results) {
					result.get();
				}
				return (System.nanoTime() - start) / 1_000_000;
			} finally {
				pool.shutdown();
			}
		} finally {
			started.forEach(SimulatedProtocommDevice::close);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
		}
	}
}
