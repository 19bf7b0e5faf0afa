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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * {@code onramp info} on a pyDirect board whose main.py prints continuously: the simulated board at 115200 baud prints
 * a line every {@code heartbeat} ms, swallows Ctrl-C once main.py runs (as pyDirect's main() does) and is reached
 * through {@code rfc2217://}, whose RTS resets it. Each round runs {@code onramp --version} (the start-up) and
 * {@code onramp --json info --port rfc2217://...}; the figure is the median info time minus the median start-up. A
 * program that prints {@code FIGURE} lines, not a test:
 * {@code run-benchmark.sh --main InfoBenchmark [runs] [heartbeat-ms] [onramp]} from the repository root.
 */
public final class InfoBenchmark {

	private InfoBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		int heartbeat = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		String onramp = args.length > 2 ? args[2] : "./onramp"; //$NON-NLS-1$
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults().withBaudRate(115200)
				.withHeartbeat(Duration.ofMillis(heartbeat));
		long[] startup = new long[runs];
		long[] info = new long[runs];
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(options);
				Rfc2217SimulatorServer server = new Rfc2217SimulatorServer(device)) {
			run(List.of(onramp, "--version"), null); // warm-up: the class-data archive //$NON-NLS-1$
			for (int i = 0; i < runs; i++) {
				startup[i] = run(List.of(onramp, "--version"), null); //$NON-NLS-1$
				info[i] = run(List.of(onramp, "--json", "info", "--port", server.uri()), "\"kind\""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			}
		}
		Arrays.sort(startup);
		Arrays.sort(info);
		double start = startup[runs / 2] / 1e9;
		double total = info[runs / 2] / 1e9;
		figure("info.pydirect_chatty.work_s", total - start, "median 'info' on a pyDirect board printing every " //$NON-NLS-1$ //$NON-NLS-2$
				+ heartbeat + " ms at 115200 baud (rfc2217) minus the median start-up, " + runs + " rounds (goal: 1 s)"); //$NON-NLS-1$ //$NON-NLS-2$
		figure("info.pydirect_chatty.total_s", total, "median wall time of the same 'info' runs"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return wall nanoseconds; the output must contain {@code expected} when given */
	private static long run(List<String> command, String expected) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
				.directory(new File(".")); //$NON-NLS-1$
		long start = System.nanoTime();
		Process process = builder.start();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		process.getInputStream().transferTo(out);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " failed: " //$NON-NLS-1$ //$NON-NLS-2$
					+ out.toString(StandardCharsets.UTF_8));
		}
		long elapsed = System.nanoTime() - start;
		if (expected != null && !out.toString(StandardCharsets.UTF_8).contains(expected)) {
			throw new IllegalStateException("no " + expected + " in " + out.toString(StandardCharsets.UTF_8)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return elapsed;
	}

	private static void figure(String key, double seconds, String description) {
		System.out.printf(Locale.ROOT, "FIGURE %s %.3f s %s%n", key, Double.valueOf(seconds), description); //$NON-NLS-1$
	}
}
