/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * Runs the rows of a manifest, up to {@code parallel} at a time. A failing row never stops the others; each row is
 * bounded by a timeout after which it is cancelled (monitor and interrupt) and reported as timed out. One progress
 * line per row start and end on stderr.
 */
public final class FleetRunner {

	/** The work for one row: what the device reported, or the failure with its reason. */
	@FunctionalInterface
	public interface RowAction {
		JsonObject run(FleetManifest.Row row, IProgressMonitor monitor) throws OnrampException;
	}

	private final int parallel;
	private final Duration rowTimeout;
	private final PrintStream err;

	public FleetRunner(int parallel, Duration rowTimeout, PrintStream err) {
		this.parallel = Math.max(1, parallel);
		this.rowTimeout = rowTimeout;
		this.err = err;
	}

	/**
	 * @param done rows already done (from a previous report), by name: not run again, reported as ok
	 * @return one outcome per row, in manifest order
	 */
	public List<FleetReport.Outcome> run(List<FleetManifest.Row> rows, Map<String, JsonObject> done, RowAction action,
			IProgressMonitor monitor) {
		ExecutorService workers = Executors.newFixedThreadPool(parallel, daemon("onramp-fleet")); //$NON-NLS-1$
		ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("onramp-fleet-timeout")); //$NON-NLS-1$
		AtomicInteger finished = new AtomicInteger();
		int total = rows.size();
		try {
			List<Future<FleetReport.Outcome>> futures = new ArrayList<>();
			for (FleetManifest.Row row : rows) {
				JsonObject previous = done.get(row.name());
				if (previous != null) {
					progress("[" + finished.incrementAndGet() + "/" + total + "] " + row.name() //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							+ " skipped: ok in the previous report"); //$NON-NLS-1$
					futures.add(java.util.concurrent.CompletableFuture
							.completedFuture(FleetReport.Outcome.skippedAsOk(row, previous)));
					continue;
				}
				futures.add(workers.submit(() -> runRow(row, action, watchdog, monitor, finished, total)));
			}
			List<FleetReport.Outcome> outcomes = new ArrayList<>();
			for (int i = 0; i < futures.size(); i++) {
				outcomes.add(await(futures.get(i), rows.get(i)));
			}
			return outcomes;
		} finally {
			workers.shutdownNow();
			watchdog.shutdownNow();
			try {
				workers.awaitTermination(10, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private FleetReport.Outcome runRow(FleetManifest.Row row, RowAction action, ScheduledExecutorService watchdog,
			IProgressMonitor fleetMonitor, AtomicInteger finished, int total) {
		Instant started = Instant.now();
		long start = System.nanoTime();
		AtomicBoolean timedOut = new AtomicBoolean();
		Thread worker = Thread.currentThread();
		NullProgressMonitor rowMonitor = new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				return super.isCanceled() || fleetMonitor.isCanceled();
			}
		};
		ScheduledFuture<?> alarm = watchdog.schedule(() -> {
			timedOut.set(true);
			rowMonitor.setCanceled(true);
			worker.interrupt();
		}, rowTimeout.toMillis(), TimeUnit.MILLISECONDS);
		progress(row.name() + ": " + row.protocol() + " " + row.target()); //$NON-NLS-1$ //$NON-NLS-2$
		JsonObject results = new JsonObject();
		Optional<OnrampException> error = Optional.empty();
		try {
			results = action.run(row, rowMonitor);
		} catch (OnrampException e) {
			error = Optional.of(timedOut.get() ? timeout() : e);
		} catch (OperationCanceledException e) {
			error = Optional.of(timedOut.get() ? timeout() : OnrampException.of(FailureReason.CANCELLED));
		} catch (RuntimeException e) {
			error = Optional.of(new OnrampException(FailureReason.INTERNAL,
					"Onramp failed on this row: " + e.getClass().getSimpleName(), null, e)); //$NON-NLS-1$
		} finally {
			alarm.cancel(false);
			Thread.interrupted(); // a late alarm must not leak into the next row on this thread
		}
		long durationMs = (System.nanoTime() - start) / 1_000_000;
		progress("[" + finished.incrementAndGet() + "/" + total + "] " + row.name() + " " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ error.map(e -> "failed (" + e.reason().key() + "): " + e.getMessage()).orElse("ok") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ " in " + durationMs + " ms"); //$NON-NLS-1$ //$NON-NLS-2$
		return new FleetReport.Outcome(row.name(), row.protocol(), row.target(), error.isEmpty(), false, error,
				started, durationMs, results == null ? new JsonObject() : results);
	}

	private OnrampException timeout() {
		return new OnrampException(FailureReason.TIMEOUT,
				"The row did not finish within " + rowTimeout.toSeconds() + " s and was stopped.", null); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static FleetReport.Outcome await(Future<FleetReport.Outcome> future, FleetManifest.Row row) {
		try {
			return future.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return cancelled(row);
		} catch (ExecutionException e) {
			return new FleetReport.Outcome(row.name(), row.protocol(), row.target(), false, false,
					Optional.of(new OnrampException(FailureReason.INTERNAL, null, null, e.getCause())), Instant.now(),
					0, new JsonObject());
		}
	}

	private static FleetReport.Outcome cancelled(FleetManifest.Row row) {
		return new FleetReport.Outcome(row.name(), row.protocol(), row.target(), false, false,
				Optional.of(OnrampException.of(FailureReason.CANCELLED)), Instant.now(), 0, new JsonObject());
	}

	private void progress(String line) {
		synchronized (err) {
			err.println("onramp: fleet: " + line); //$NON-NLS-1$
			err.flush();
		}
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, name + "-" + count.incrementAndGet()); //$NON-NLS-1$
			t.setDaemon(true);
			return t;
		};
	}
}
