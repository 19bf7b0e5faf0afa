/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.fuzz;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The long fuzz run for the benchmark command: every fuzz property with many more tries than CI gives them, then one
 * {@code FIGURE} line per decoder for the inputs it took and one for its throughput. Exits 1 when a property failed
 * (the failure is printed), so a finding is never reported as a figure.
 * <p>
 * Arguments: {@code [tries per property (default 1000000)] [class name filter regex (default .*FuzzTest)]}.
 */
public final class FuzzBenchmark {

	private FuzzBenchmark() {
	}

	public static void main(String[] args) throws java.io.IOException {
		String tries = args.length > 0 ? args[0] : "1000000"; //$NON-NLS-1$
		String filter = args.length > 1 ? args[1] : ".*FuzzTest"; //$NON-NLS-1$
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
				.selectors(DiscoverySelectors.selectPackage("dev.onramp")) //$NON-NLS-1$
				.filters(org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns(filter))
				.configurationParameter("jqwik.tries.default", tries) //$NON-NLS-1$
				.configurationParameter("jqwik.edgecases.default", "MIXIN") //$NON-NLS-1$ //$NON-NLS-2$
				.configurationParameter("jqwik.reporting.onlyfailures", "true") //$NON-NLS-1$ //$NON-NLS-2$
				.configurationParameter("jqwik.database", //$NON-NLS-1$
						java.nio.file.Files.createTempDirectory("onramp-fuzz").resolve("jqwik-database").toString()) //$NON-NLS-1$ //$NON-NLS-2$
				.build();
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener summary = new SummaryGeneratingListener();
		long started = System.nanoTime();
		launcher.execute(request, summary);
		double seconds = (System.nanoTime() - started) / 1e9;
		TestExecutionSummary result = summary.getSummary();
		Map<String, Long> nanos = Decoding.nanos();
		for (Map.Entry<String, Long> count : Decoding.counts().entrySet()) {
			String decoder = count.getKey();
			long inputs = count.getValue().longValue();
			double busy = nanos.getOrDefault(decoder, Long.valueOf(1)).longValue() / 1e9;
			System.out.println(String.format(Locale.ROOT, "FIGURE fuzz.%s.inputs %d inputs fuzzed inputs given to %s, %s", //$NON-NLS-1$
					decoder, Long.valueOf(inputs), decoder,
					result.getTotalFailureCount() == 0 ? "no contract breach" : "with failures (see above)")); //$NON-NLS-1$ //$NON-NLS-2$
			System.out.println(String.format(Locale.ROOT, "FIGURE fuzz.%s.throughput %.0f inputs/s %s inputs per second of decoder time, checks included", //$NON-NLS-1$
					decoder, Double.valueOf(inputs / busy), decoder));
		}
		System.out.println(String.format(Locale.ROOT, "FIGURE fuzz.total.seconds %.1f s wall time of the whole fuzz run", //$NON-NLS-1$
				Double.valueOf(seconds)));
		if (result.getTotalFailureCount() > 0) {
			result.printFailuresTo(new PrintWriter(System.err, true), 20);
			System.exit(1);
		}
		System.exit(0);
	}
}
