/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Display;

/**
 * The UI-responsiveness probe: a watchdog thread posts a tiny runnable to the UI thread every 20 ms and measures
 * how long it waits to run. A wait longer than the limit is a freeze, recorded with what the UI thread was doing
 * at that moment; {@link #assertResponsive()} fails the test with those stacks. The test's own waits pump events
 * (see {@link SwtDriver#waitUntil}), so only work done on the UI thread shows up as a freeze.
 * <p>
 * Use it in try-with-resources around what the test drives: {@code try (UiWatchdog watchdog = UiWatchdog.start(display)) { ...; watchdog.assertResponsive(); }}
 */
public final class UiWatchdog implements AutoCloseable {

	/** The limit: the UI thread must never be blocked for longer. */
	public static final Duration LIMIT = Duration.ofMillis(100);
	private static final long PERIOD_MS = 20;

	private final Display display;
	private final Thread uiThread;
	private final Thread watcher;
	private final List<String> freezes = new ArrayList<>();
	private volatile boolean running = true;
	private volatile long longestMillis;
	private volatile int probes;

	private UiWatchdog(Display display) {
		this.display = display;
		this.uiThread = display.getThread();
		this.watcher = new Thread(this::watch, "Onramp UI watchdog"); //$NON-NLS-1$
		this.watcher.setDaemon(true);
	}

	/** Starts watching; call from any thread. */
	public static UiWatchdog start(Display display) {
		UiWatchdog watchdog = new UiWatchdog(display);
		watchdog.watcher.start();
		return watchdog;
	}

	private void watch() {
		while (running && !display.isDisposed()) {
			CountDownLatch ran = new CountDownLatch(1);
			long start = System.nanoTime();
			try {
				display.asyncExec(ran::countDown);
			} catch (RuntimeException disposed) {
				return;
			}
			try {
				String stackAtLimit = null;
				if (!ran.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
					stackAtLimit = stack(uiThread.getStackTrace());
					while (running && !ran.await(PERIOD_MS, TimeUnit.MILLISECONDS)) {
						// still blocked: keep measuring how long
					}
				}
				long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				probes++;
				longestMillis = Math.max(longestMillis, waited);
				if (stackAtLimit != null && waited > LIMIT.toMillis()) {
					synchronized (freezes) {
						freezes.add("UI thread blocked for " + waited + " ms, at:\n" + stackAtLimit); //$NON-NLS-1$ //$NON-NLS-2$
					}
				}
				Thread.sleep(PERIOD_MS); // the probe's period, not a synchronisation
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String stack(StackTraceElement[] frames) {
		return Arrays.stream(frames).limit(40).map(f -> "\tat " + f).collect(Collectors.joining("\n")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return how many probes ran to completion, so a test can tell the watchdog really watched */
	public int probes() {
		return probes;
	}

	/** @return the longest time a probe waited for the UI thread */
	public Duration longest() {
		return Duration.ofMillis(longestMillis);
	}

	/** @return the freezes seen so far, each with the UI thread's stack when the limit passed */
	public List<String> freezes() {
		synchronized (freezes) {
			return List.copyOf(freezes);
		}
	}

	/** Fails when the UI thread was blocked longer than {@link #LIMIT} at any time since the start. */
	public void assertResponsive() {
		List<String> seen = freezes();
		if (!seen.isEmpty()) {
			throw new AssertionError(seen.size() + " UI freeze(s) longer than " + LIMIT.toMillis() + " ms:\n" //$NON-NLS-1$ //$NON-NLS-2$
					+ String.join("\n\n", seen)); //$NON-NLS-1$
		}
	}

	@Override
	public void close() {
		running = false;
		watcher.interrupt();
		try {
			watcher.join(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
