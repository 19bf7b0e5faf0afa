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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Display;

/**
 * The UI-responsiveness probe. A probe timer on the UI thread ({@link Display#timerExec}, a GLib timeout at the
 * default priority on GTK, the priority input events are dispatched at) ticks every 20 ms; a watchdog thread
 * measures how late each tick runs. A late tick is what a key press or a click would have met: the UI thread was
 * inside one piece of work (an event handler, a runnable, a test's own code, one frame of drawing) and could not
 * dispatch anything. A burst of many short events does not delay the tick beyond the longest of them, because
 * input-priority sources are dispatched between them; an {@code asyncExec} probe, which SWT runs only once no event
 * at all is pending, would instead measure how long the whole queue took to drain.
 * <p>
 * While a tick is late by more than the limit (or the profile's bound), the watchdog samples the UI thread every
 * 5 ms. The UI thread was <em>blocked</em> for the CPU time it used in the late span plus the share of the span its
 * samples spent in a blocking call (socket, file or serial reads, waits, parks, sleeps, joins, locks); when that
 * exceeds the limit it is a freeze, recorded with the UI thread's stack, and {@link #assertResponsive()} fails the
 * test. Time the UI thread was runnable but not scheduled (a loaded 2-core CI machine) is not the product's doing
 * and does not count. The test's own waits pump events (see {@link SwtDriver#waitUntil}), so only work done on the
 * UI thread shows up.
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
	private static final int PERIOD_MS = 20;
	private static final long SAMPLE_MS = 5;
	/** Frames at the top of a stack that mean the thread waits for something rather than computes. */
	private static final List<String> BLOCKING_FRAMES = List.of("java.net.", "sun.nio.ch.", "java.io.FileInputStream", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"java.io.FileOutputStream", "java.io.RandomAccessFile", "com.fazecast.jSerialComm.", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"java.lang.Object.wait", "java.lang.Thread.sleep", "java.lang.Thread.join", "jdk.internal.misc.Unsafe.park", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"java.util.concurrent.locks.LockSupport.park", "java.lang.ProcessImpl", "java.lang.Process"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
	/** The system property naming the file each closed watchdog appends its figures to. */
	public static final String RECORD_PROPERTY = "onramp.ui.watchdog.record"; //$NON-NLS-1$
	/**
	 * The system property naming a file to which every stall longer than {@link #PROFILE_ABOVE_PROPERTY} (default
	 * 40 ms) is appended with its sampled stacks: how to find what the UI thread does below the limit. {@code none},
	 * the pom's default, turns it off.
	 */
	public static final String PROFILE_PROPERTY = "onramp.ui.watchdog.profile"; //$NON-NLS-1$
	/** The system property with the stall, in milliseconds, from which {@link #PROFILE_PROPERTY} records. */
	public static final String PROFILE_ABOVE_PROPERTY = "onramp.ui.watchdog.profileAbove"; //$NON-NLS-1$
	/** How many frames from the top of a sampled stack make its signature in a profile. */
	private static final int SIGNATURE_FRAMES = 14;
	private final String profileFile = profileFile();
	private final long profileAboveMillis = Long.getLong(PROFILE_ABOVE_PROPERTY, 40);
	/** From how late a tick the UI thread is sampled: the limit, or the profile's lower bound. */
	private final long sampleAfterMillis = profileFile == null ? LIMIT.toMillis()
			: Math.min(LIMIT.toMillis(), profileAboveMillis);
	private final Display display;
	private final String watched = callingTest();
	private final Thread uiThread;
	private final Thread watcher;
	private final List<String> freezes = new ArrayList<>();
	private final Runnable tick = this::tick;
	private volatile boolean running = true;
	/** Written by the probe timer on the UI thread: how many ticks ran, and when the last one did. */
	private volatile long ticks;
	private volatile long lastTickNanos = System.nanoTime();
	private volatile long longestMillis;

	private UiWatchdog(Display display) {
		this.display = display;
		this.uiThread = display.getThread();
		this.watcher = new Thread(this::watch, "Onramp UI watchdog"); //$NON-NLS-1$
		this.watcher.setDaemon(true);
	}

	/** Starts watching; call from any thread (the probe timer starts when the UI thread next runs). */
	public static UiWatchdog start(Display display) {
		UiWatchdog watchdog = new UiWatchdog(display);
		if (display.getThread() == Thread.currentThread()) {
			watchdog.tick();
		} else {
			display.asyncExec(watchdog::tick);
		}
		watchdog.watcher.start();
		return watchdog;
	}

	/** The probe timer, on the UI thread: note the tick and ask for the next one. */
	private void tick() {
		lastTickNanos = System.nanoTime();
		ticks++;
		if (running && !display.isDisposed()) {
			display.timerExec(PERIOD_MS, tick);
		}
	}

	private void watch() {
		try {
			while (running && !display.isDisposed()) {
				long counted = ticks;
				if (counted == 0) {
					Thread.sleep(SAMPLE_MS); // the probe timer has not started yet
					continue;
				}
				long due = lastTickNanos + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
				if (!sleepUntil(due, counted)) {
					continue; // ticked before it was due
				}
				long cpuAtDue = uiCpuNanos();
				if (sleepUntil(due + TimeUnit.MILLISECONDS.toNanos(sampleAfterMillis), counted)) {
					measureStall(counted, due, cpuAtDue);
				} else {
					// late by less than the sampling bound: its lateness is the most it can have been blocked
					longestMillis = Math.max(longestMillis, TimeUnit.NANOSECONDS.toMillis(Math.max(0, lastTickNanos - due)));
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** @return true when {@code deadline} came while the probe still had not ticked past {@code counted} */
	private boolean sleepUntil(long deadline, long counted) throws InterruptedException {
		while (running && ticks == counted) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return true;
			}
			Thread.sleep(Math.max(1, Math.min(SAMPLE_MS, TimeUnit.NANOSECONDS.toMillis(left)))); // polling, not a synchronisation
		}
		return false;
	}

	/** The tick due at {@code due} is late: sample the UI thread until it runs, then judge the span from when it was due. */
	private void measureStall(long ticksBefore, long due, long cpuAtDue) throws InterruptedException {
		String firstStack = stack(uiThread.getStackTrace());
		String blockingStack = null;
		int samples = 0;
		int blockingSamples = 0;
		Map<String, Integer> signatures = new HashMap<>();
		Map<String, Integer> inclusive = new HashMap<>();
		while (running && ticks == ticksBefore && !display.isDisposed()) {
			StackTraceElement[] frames = uiThread.getStackTrace();
			ThreadInfo info = threads.getThreadInfo(uiThread.getId());
			samples++;
			signatures.merge(signature(frames), 1, Integer::sum);
			Arrays.stream(frames).map(f -> f.getClassName() + '.' + f.getMethodName()).distinct()
					.forEach(f -> inclusive.merge(f, 1, Integer::sum));
			if (blocking(frames, info)) {
				blockingSamples++;
				if (blockingStack == null) {
					blockingStack = stack(frames);
				}
			}
			Thread.sleep(SAMPLE_MS); // the sampling period, not a synchronisation
		}
		long end = ticks == ticksBefore ? System.nanoTime() : Math.min(System.nanoTime(), lastTickNanos);
		long start = due;
		long cpuMillis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, uiCpuNanos() - cpuAtDue));
		long wallMillis = TimeUnit.NANOSECONDS.toMillis(end - start);
		long blockedMillis = samples == 0 ? 0 : wallMillis * blockingSamples / samples;
		long busyMillis = Math.min(wallMillis, cpuMillis + blockedMillis);
		longestMillis = Math.max(longestMillis, busyMillis);
		String summary = busyMillis + " ms (" + cpuMillis + " ms computing, " //$NON-NLS-1$ //$NON-NLS-2$
				+ blockedMillis + " ms waiting, " + wallMillis + " ms in all)"; //$NON-NLS-1$ //$NON-NLS-2$
		if (busyMillis > LIMIT.toMillis()) {
			synchronized (freezes) {
				freezes.add("UI thread blocked for " + summary + ", at:\n" //$NON-NLS-1$ //$NON-NLS-2$
						+ (blockingStack != null ? blockingStack : firstStack) + hottest(signatures, samples));
			}
		}
		if (busyMillis > profileAboveMillis && profileFile != null) {
			// the span in System.nanoTime's seconds (CLOCK_MONOTONIC on Linux), to match with perf record -k CLOCK_MONOTONIC
			int sampled = samples;
			append(profileFile, "## " + watched + ": " + summary + " from " + start / 1e9 + " to " + System.nanoTime() / 1e9 //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					+ "\n" + hottest(signatures, samples) + "\n\tmethods on the stack in most samples:\n" //$NON-NLS-1$ //$NON-NLS-2$
					+ inclusive.entrySet().stream().filter(e -> e.getValue() * 10 >= sampled)
							.sorted(Map.Entry.<String, Integer> comparingByValue().reversed()).limit(60)
							.map(e -> "\t\t" + e.getValue() + " " + e.getKey()).collect(Collectors.joining("\n")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ "\n\n"); //$NON-NLS-1$
		}
	}

	/** @return the file {@link #PROFILE_PROPERTY} names, or null when it is off */
	private static String profileFile() {
		String file = System.getProperty(PROFILE_PROPERTY);
		return file == null || file.isBlank() || file.equals("none") ? null : file; //$NON-NLS-1$
	}

	/** @return the top frames of a sampled stack, one per line, as the key that groups samples */
	private static String signature(StackTraceElement[] frames) {
		return Arrays.stream(frames).limit(SIGNATURE_FRAMES).map(f -> "\t\tat " + f).collect(Collectors.joining("\n")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return the sampled stacks, most frequent first, with how many of the samples each was */
	private static String hottest(Map<String, Integer> signatures, int samples) {
		if (samples == 0) {
			return ""; //$NON-NLS-1$
		}
		return "\n\tsampled every " + SAMPLE_MS + " ms, most frequent first:\n" + signatures.entrySet().stream() //$NON-NLS-1$ //$NON-NLS-2$
				.sorted(Map.Entry.<String, Integer> comparingByValue().reversed()).limit(4)
				.map(e -> "\t" + e.getValue() + " of " + samples + " samples:\n" + e.getKey()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.collect(Collectors.joining("\n")); //$NON-NLS-1$
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

	/** @return how many probe ticks ran, so a test can tell the watchdog really watched */
	public int probes() {
		return (int) Math.min(Integer.MAX_VALUE, ticks);
	}

	/** @return the longest time the UI thread was busy or blocked while a probe tick was late */
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
		append(file, watched + '\t' + longestMillis + '\t' + probes() + '\t' + freezes().size() + '\n');
	}

	private static synchronized void append(String file, String text) {
		try {
			Path path = Path.of(file);
			Files.createDirectories(path.toAbsolutePath().getParent());
			Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
