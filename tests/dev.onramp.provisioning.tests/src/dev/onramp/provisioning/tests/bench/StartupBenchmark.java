/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the {@code onramp} command: the wall time of {@code ./onramp --version}, a new JVM and OSGi
 * framework each run, as a script that calls the command sees it (JDK selection, the build check, Equinox, Declarative
 * Services, the application). Two unmeasured runs first (the first one makes the class-data archive), then
 * {@code runs} measured ones; median and minimum. A program that prints {@code FIGURE} lines, not a test:
 * {@code run-benchmark.sh --main StartupBenchmark [runs] [onramp-command]} from the repository root.
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		String command = args.length > 1 ? args[1] : "./onramp"; //$NON-NLS-1$
		for (int i = 0; i < 2; i++) {
			run(command);
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			nanos[i] = run(command);
		}
		Arrays.sort(nanos);
		figure("startup.version.median_s", nanos[runs / 2], //$NON-NLS-1$
				"median wall time of '" + command + " --version' over " + runs + " runs (a new JVM each)"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		figure("startup.version.min_s", nanos[0], "fastest of the same runs"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static long run(String command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(command, "--version")); //$NON-NLS-1$
		ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.INHERIT).directory(new File(".")); //$NON-NLS-1$
		long start = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(command + " --version did not end within 60 s"); //$NON-NLS-1$
		}
		long elapsed = System.nanoTime() - start;
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command + " --version ended with " + process.exitValue()); //$NON-NLS-1$
		}
		return elapsed;
	}

	private static void figure(String key, long nanos, String description) {
		System.out.printf(Locale.ROOT, "FIGURE %s %.3f s %s%n", key, Double.valueOf(nanos / 1e9), description); //$NON-NLS-1$
	}
}
