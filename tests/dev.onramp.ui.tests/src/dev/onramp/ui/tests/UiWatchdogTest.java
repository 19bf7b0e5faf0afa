/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import dev.onramp.ui.tests.driver.SwtDriver;
import dev.onramp.ui.tests.driver.UiWatchdog;

/** The responsiveness probe the workbench tests rely on must be able to fail. */
class UiWatchdogTest {

	@Test
	void reportsTheUiThreadBlockedAndWhere() {
		Display display = PlatformUI.getWorkbench().getDisplay();
		SwtDriver driver = new SwtDriver(display);
		// the workbench may still be finishing its start-up in UI jobs when this is the first test
		driver.waitUntil("the workbench to be idle", () -> Job.getJobManager().isIdle());
		try (UiWatchdog watchdog = UiWatchdog.start(display)) {
			driver.waitUntil("the watchdog to measure", () -> watchdog.probes() >= 3);
			watchdog.assertResponsive();

			blockTheUiThreadFor(300);
			driver.waitUntil("the watchdog to measure the freeze", () -> !watchdog.freezes().isEmpty());

			assertEquals(1, watchdog.freezes().size());
			assertTrue(watchdog.longest().toMillis() >= 250, "measured " + watchdog.longest());
			assertTrue(watchdog.freezes().get(0).contains("blockTheUiThreadFor"),
					"the freeze names what the UI thread was doing: " + watchdog.freezes().get(0));
			AssertionError failure = assertThrows(AssertionError.class, watchdog::assertResponsive);
			assertTrue(failure.getMessage().startsWith("1 UI freeze(s) longer than 100 ms"), failure.getMessage());
		}
	}

	@Test
	void countsComputingOnTheUiThreadButNotWaitingForTheProcessor() {
		Display display = PlatformUI.getWorkbench().getDisplay();
		SwtDriver driver = new SwtDriver(display);
		try (UiWatchdog watchdog = UiWatchdog.start(display)) {
			driver.waitUntil("the watchdog to measure", () -> watchdog.probes() >= 3);
			keepTheUiThreadBusyFor(300);
			driver.waitUntil("the watchdog to measure the freeze", () -> !watchdog.freezes().isEmpty());
			assertTrue(watchdog.freezes().get(0).contains("ms computing"), watchdog.freezes().get(0));
			assertTrue(watchdog.freezes().get(0).contains("keepTheUiThreadBusyFor"), watchdog.freezes().get(0));
		}
	}

	@Test
	void aBurstOfShortStepsIsNotAFreezeThoughItTakesLongerThanTheLimitInAll() {
		Display display = PlatformUI.getWorkbench().getDisplay();
		SwtDriver driver = new SwtDriver(display);
		try (UiWatchdog watchdog = UiWatchdog.start(display)) {
			driver.waitUntil("the watchdog to measure", () -> watchdog.probes() >= 3);
			int steps = 15;
			AtomicInteger done = new AtomicInteger();
			long posted = System.nanoTime();
			for (int i = 0; i < steps; i++) {
				display.asyncExec(() -> {
					keepTheUiThreadBusyFor(20); // like a row update each: input is dispatched between them
					done.incrementAndGet();
				});
			}
			driver.waitUntil("the steps to run", () -> done.get() == steps);
			long allMillis = (System.nanoTime() - posted) / 1_000_000;

			assertTrue(allMillis >= 300, "the burst took " + allMillis + " ms in all");
			watchdog.assertResponsive();
			assertTrue(watchdog.longest().toMillis() < UiWatchdog.LIMIT.toMillis(), "measured " + watchdog.longest());
		}
	}

	private static long keepTheUiThreadBusyFor(long millis) {
		long end = System.nanoTime() + millis * 1_000_000;
		long sum = 0;
		while (System.nanoTime() < end) {
			sum += Long.numberOfTrailingZeros(System.nanoTime()); // what a heavy computation on the UI thread would do
		}
		return sum;
	}

	private static void blockTheUiThreadFor(long millis) {
		long end = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < end) {
			LockSupport.parkNanos(1_000_000); // what a synchronous device call on the UI thread would do
		}
	}
}
