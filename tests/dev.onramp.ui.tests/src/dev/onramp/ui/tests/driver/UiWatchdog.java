/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.driver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * how long it waits to run. While it waits longer than the limit, the watchdog samples the UI thread every 5 ms.
 * The UI thread was <em>blocked</em> for the CPU time it used in that span plus the share of the span its samples
 * spent in a blocking call (socket, file or serial reads, waits, parks, sleeps, joins, locks); when that exceeds the
 * limit it is a freeze, recorded with the UI thread's stack, and {@link #assertResponsive()} fails the test. Time the
 * UI thread was runnable but not scheduled — a loaded 2-core CI machine — is not the product's doing and does not
 * count. The test's own waits pump events (see {@link SwtDriver#waitUntil}), so only work done on the UI thread
 * shows up.
 * <p>
 * When it closes, it appends the test that started it, the longest block and the probe count as one line to the
 * file the system property {@code onramp.ui.watchdog.record} names (the pom sets {@code target/ui-watchdog.tsv}):
 * the benchmark command reads the worst UI-thread block of a workbench flow from there.
 * <p>
 * Use it in try-with-resources around what the test drives: {@code try (UiWatchdog watchdog = UiWatchdog.start(display)) { ...; watchdog.assertResponsive(); }}
 */
public final class UiWatchdog implements AutoCloseable {

	/** The limit: the UI thread must never be blocked for longer. */
	public static final Duration LIMIT = Duration.ofMillis(100);
	private static final long PERIOD_MS = 20;
	private static final long SAMPLE_MS = 5;
	/** Frames at the top of a stack that mean the thread waits for something rather than computes. */
	private static final List<String> BLOCKING_FRAMES = List.of("java.net.", "sun.nio.ch.", "java.io.FileInputStream", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"java.io.FileOutputStream", "java.io.RandomAccessFile", "com.fazecast.jSerialComm.", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"java.lang.Object.wait", "java.lang.Thread.sleep", "java.lang.Thread.join", "jdk.internal.misc.Unsafe.park", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"java.util.concurrent.locks.LockSupport.park", "java.lang.ProcessImpl", "java.lang.Process"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
	/** The system property naming the file each closed watchdog appends its figures to. */
	public static final String RECORD_PROPERTY = "onramp.ui.watchdog.record"; //$NON-NLS-1$
	private final Display display;
	private final String watched = callingTest();
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
			long cpuAtStart = uiCpuNanos();
			try {
				if (ran.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
					probes++;
					longestMillis = Math.max(longestMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
				} else {
					measureStall(ran, start, cpuAtStart);
				}
				Thread.sleep(PERIOD_MS); // the probe's period, not a synchronisation
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** The UI thread has not run the probe within the limit: sample it until it does, then judge. */
	private void measureStall(CountDownLatch ran, long start, long cpuAtStart) throws InterruptedException {
		String firstStack = stack(uiThread.getStackTrace());
		String blockingStack = null;
		int samples = 0;
		int blockingSamples = 0;
		while (running && !ran.await(SAMPLE_MS, TimeUnit.MILLISECONDS)) {
			StackTraceElement[] frames = uiThread.getStackTrace();
			ThreadInfo info = threads.getThreadInfo(uiThread.getId());
			samples++;
			if (blocking(frames, info)) {
				blockingSamples++;
				if (blockingStack == null) {
					blockingStack = stack(frames);
				}
			}
		}
		long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		long cpuMillis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, uiCpuNanos() - cpuAtStart));
		long blockedMillis = samples == 0 ? 0 : wallMillis * blockingSamples / samples;
		long busyMillis = Math.min(wallMillis, cpuMillis + blockedMillis);
		probes++;
		longestMillis = Math.max(longestMillis, busyMillis);
		if (busyMillis > LIMIT.toMillis()) {
			synchronized (freezes) {
				freezes.add("UI thread blocked for " + busyMillis + " ms (" + cpuMillis + " ms computing, " //$NON-NLS-1$ //$NON-NLS-2$
						+ blockedMillis + " ms waiting, " + wallMillis + " ms in all), at:\n" //$NON-NLS-1$ //$NON-NLS-2$
						+ (blockingStack != null ? blockingStack : firstStack));
			}
		}
	}

	private static boolean blocking(StackTraceElement[] frames, ThreadInfo info) {
		if (info != null && info.getThreadState() != Thread.State.RUNNABLE) {
			return true; // WAITING, TIMED_WAITING, BLOCKED
		}
		if (frames.length == 0) {
			return false;
		}
		String top = frames[0].getClassName() + "." + frames[0].getMethodName(); //$NON-NLS-1$
		return BLOCKING_FRAMES.stream().anyMatch(top::startsWith);
	}

	private long uiCpuNanos() {
		try {
			long cpu = threads.getThreadCpuTime(uiThread.getId());
			return Math.max(cpu, 0);
		} catch (UnsupportedOperationException e) {
			return 0;
		}
	}

	private static String stack(StackTraceElement[] frames) {
		return Arrays.stream(frames).limit(40).map(f -> "\tat " + f).collect(Collectors.joining("\n")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return how many probes ran to completion, so a test can tell the watchdog really watched */
	public int probes() {
		return probes;
	}

	/** @return the longest time the UI thread was busy or blocked while a probe waited for it */
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
		record();
	}

	/** Appends {@code test<TAB>longest ms<TAB>probes<TAB>freezes} to the record file, when one is named. */
	private void record() {
		String file = System.getProperty(RECORD_PROPERTY);
		if (file == null || file.isBlank()) {
			return;
		}
		String line = watched + '\t' + longestMillis + '\t' + probes + '\t' + freezes().size() + '\n';
		try {
			Path path = Path.of(file);
			Files.createDirectories(path.toAbsolutePath().getParent());
			Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		} catch (IOException e) {
			throw new IllegalStateException("could not record the watchdog's figures in " + file, e); //$NON-NLS-1$
		}
	}

	/** @return {@code Class#method} of the test method that started this watchdog, from the calling stack */
	private static String callingTest() {
		return StackWalker.getInstance().walk(frames -> frames
				.filter(f -> f.getClassName().endsWith("Test")) //$NON-NLS-1$
				.map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + '#' + f.getMethodName())
				.findFirst().orElse("unknown")); //$NON-NLS-1$
	}
}
