/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * Runs one decoder call on hostile input and checks the fuzzing contract: it returns, or it throws only the typed
 * failures its contract declares ({@link OnrampException} with a reason that is not {@code INTERNAL}, plus any
 * decoder-specific typed exception); it ends within a time bound; and it allocates no more than a bound that depends
 * on the bytes it was given, never on a length the input merely claims.
 */
public final class Decoding {

	/** What a decoder may do with its input. */
	@FunctionalInterface
	public interface Call {
		Object run() throws Exception;
	}

	/** No decoder needs more than this for one input; a hang shows up as a failure, not a stuck build. */
	public static final Duration TIME_LIMIT = Duration.ofSeconds(5);
	/**
	 * Allocation allowed besides {@link #PER_INPUT_BYTE} per input byte (buffers, JSON trees, crypto, a read buffer per
	 * tiny read). A decoder that allocates what a length field claims, or copies its buffer for every byte, exceeds it.
	 */
	public static final long FIXED_ALLOCATION = 8L * 1024 * 1024;
	public static final long PER_INPUT_BYTE = 1024;

	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "fuzz watchdog"); //$NON-NLS-1$
		thread.setDaemon(true);
		return thread;
	});
	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
	private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
	private static final Map<String, AtomicLong> NANOS = new ConcurrentHashMap<>();

	private Decoding() {
	}

	/** How a call ended. */
	public record Outcome(Object value, Throwable failure, long allocatedBytes) {
	}

	/**
	 * Runs {@code call} on input of {@code inputSize} bytes for the decoder {@code decoder} and fails (with an
	 * {@link AssertionError} naming the decoder) on any breach of the contract.
	 *
	 * @param allowed decoder-specific typed exceptions that its contract declares, besides {@link OnrampException}
	 */
	@SafeVarargs
	public static Outcome check(String decoder, int inputSize, Call call, Class<? extends Throwable>... allowed) {
		return check(TIME_LIMIT, decoder, inputSize, call, allowed);
	}

	/** As {@link #check(String, int, Call, Class...)}, with another time limit (the self-test's). */
	@SafeVarargs
	public static Outcome check(Duration timeLimit, String decoder, int inputSize, Call call,
			Class<? extends Throwable>... allowed) {
		COUNTS.computeIfAbsent(decoder, k -> new AtomicLong()).incrementAndGet();
		Thread self = Thread.currentThread();
		long started = System.nanoTime();
		// a call that never returns is reported by the watchdog; one that returns late fails below
		Future<?> watchdog = WATCHDOG.schedule(() -> {
			System.err.println(decoder + " still runs after " + 2 * timeLimit.toSeconds() + " s:"); //$NON-NLS-1$ //$NON-NLS-2$
			for (StackTraceElement frame : self.getStackTrace()) {
				System.err.println("\tat " + frame); //$NON-NLS-1$
			}
			self.interrupt();
		}, 2 * timeLimit.toMillis(), TimeUnit.MILLISECONDS);
		long before = THREADS.getCurrentThreadAllocatedBytes();
		Object value = null;
		Throwable failure = null;
		try {
			value = call.run();
		} catch (Throwable t) { // every throwable, errors included, is judged below
			failure = t;
		}
		long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
		watchdog.cancel(false);
		Thread.interrupted(); // a late watchdog must not leak its interrupt into the next call
		long took = System.nanoTime() - started;
		NANOS.computeIfAbsent(decoder, k -> new AtomicLong()).addAndGet(took);
		if (took > timeLimit.toNanos()) {
			throw new AssertionError(decoder + " took " + took / 1_000_000 + " ms (limit " + timeLimit.toMillis() //$NON-NLS-1$ //$NON-NLS-2$
					+ " ms) on an input of " + inputSize + " bytes", failure); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (failure != null && !allowedFailure(failure, List.of(allowed))) {
			throw new AssertionError(decoder + " let " + failure + " escape on an input of " + inputSize //$NON-NLS-1$ //$NON-NLS-2$
					+ " bytes", failure); //$NON-NLS-1$
		}
		long limit = FIXED_ALLOCATION + PER_INPUT_BYTE * inputSize;
		if (allocated > limit) {
			throw new AssertionError(decoder + " allocated " + allocated + " bytes for an input of " //$NON-NLS-1$ //$NON-NLS-2$
					+ inputSize + " bytes (limit " + limit + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new Outcome(value, failure, allocated);
	}

	private static boolean allowedFailure(Throwable failure, List<Class<? extends Throwable>> allowed) {
		if (failure instanceof OnrampException typed) {
			// INTERNAL says "a bug in Onramp": device input must never be reported as one
			return typed.reason() != null && typed.reason() != FailureReason.INTERNAL && typed.getMessage() != null;
		}
		return allowed.stream().anyMatch(type -> type.isInstance(failure));
	}

	/** @return how many inputs each decoder has been given in this JVM */
	public static Map<String, Long> counts() {
		return copy(COUNTS);
	}

	/** @return the time each decoder's calls took in this JVM, checks included, in nanoseconds */
	public static Map<String, Long> nanos() {
		return copy(NANOS);
	}

	private static Map<String, Long> copy(Map<String, AtomicLong> values) {
		Map<String, Long> copy = new java.util.TreeMap<>();
		values.forEach((k, v) -> copy.put(k, Long.valueOf(v.get())));
		return copy;
	}
}
