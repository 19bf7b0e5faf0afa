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
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.onramp.core.MacAddress;
import dev.onramp.simulator.mdns.SimulatedMdnsAnnouncer;

/**
 * What {@code onramp discover --timeout N} costs beyond N and the command's start-up: {@code runs} rounds, each
 * {@code onramp --version} (the start-up) then {@code onramp --json discover --timeout N --interface lo} with a
 * simulated pyDirect board announcing itself on loopback, which must be listed. The figure is the median discover time
 * minus N minus the median start-up. Loopback multicast must be on ({@code ip link set lo multicast on}). A program
 * that prints {@code FIGURE} lines, not a test: {@code run-benchmark.sh --main DiscoverBenchmark [runs] [N] [onramp]}
 * from the repository root.
 */
public final class DiscoverBenchmark {

	private DiscoverBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
		double timeout = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
		String onramp = args.length > 2 ? args[2] : "./onramp"; //$NON-NLS-1$
		long[] startup = new long[runs];
		long[] discover = new long[runs];
		try (SimulatedMdnsAnnouncer board = SimulatedMdnsAnnouncer.pyDirect(InetAddress.getLoopbackAddress(),
				MacAddress.parse("24:0a:c4:12:e5:f6"), 8443)) { //$NON-NLS-1$
			run(List.of(onramp, "--version")); // warm-up: the class-data archive //$NON-NLS-1$
			for (int i = 0; i < runs; i++) {
				startup[i] = run(List.of(onramp, "--version"))[0]; //$NON-NLS-1$
				long[] result = run(List.of(onramp, "--json", "discover", "--timeout", Double.toString(timeout), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						"--interface", "lo")); //$NON-NLS-1$ //$NON-NLS-2$
				discover[i] = result[0];
				if (result[1] == 0) {
					throw new IllegalStateException("the simulated board " + board.hostname() + " was not listed"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
		}
		Arrays.sort(startup);
		Arrays.sort(discover);
		double start = startup[runs / 2] / 1e9;
		double total = discover[runs / 2] / 1e9;
		figure("discover.overhead_s", total - timeout - start, //$NON-NLS-1$
				"median 'discover --timeout " + timeout + "' minus " + timeout + " s minus the median start-up, " + runs //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ " interleaved runs each (the goal: at most 0.3 s)"); //$NON-NLS-1$
		figure("discover.total_s", total, "median wall time of 'discover --timeout " + timeout + "'"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		figure("discover.startup_s", start, "median wall time of '--version' in the same rounds"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return {wall nanoseconds, 1 when the output names the simulated board's host else 0} */
	private static long[] run(List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
				.directory(new File(".")); //$NON-NLS-1$
		long start = System.nanoTime();
		Process process = builder.start();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		process.getInputStream().transferTo(out);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " failed"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		long elapsed = System.nanoTime() - start;
		return new long[] { elapsed, out.toString(StandardCharsets.UTF_8).contains("pydirect-e5f6") ? 1 : 0 }; //$NON-NLS-1$
	}

	private static void figure(String key, double seconds, String description) {
		System.out.printf(Locale.ROOT, "FIGURE %s %.3f s %s%n", key, Double.valueOf(seconds), description); //$NON-NLS-1$
	}
}
