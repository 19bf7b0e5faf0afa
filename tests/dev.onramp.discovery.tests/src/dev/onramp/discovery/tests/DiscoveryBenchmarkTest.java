/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link DiscoveryBenchmark} inside OSGi when {@code -Donramp.benchmark.runs=N} asks for it (run-benchmark.sh
 * does). A benchmark, not a test: it is reported as skipped, never as passed, both when it does not run and after it
 * printed its figures.
 */
class DiscoveryBenchmarkTest {

	@Test
	void benchmark() throws Exception {
		int runs = Integer.getInteger("onramp.benchmark.runs", 0).intValue(); //$NON-NLS-1$
		Assumptions.assumeTrue(runs > 0,
				"a benchmark, not a test: tests/dev.onramp.discovery.tests/run-benchmark.sh runs it"); //$NON-NLS-1$
		LoopbackMulticast.assumeAvailable();
		DiscoveryBenchmark.run(runs, System.out);
		Assumptions.abort("benchmark figures printed above; a benchmark is never reported as a passed test"); //$NON-NLS-1$
	}
}
