/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dev.onramp.core.serial.SerialPortInfo;

/**
 * Hot-plug: a system job that polls the port list and reports debounced changes. Polling rather than file-system
 * watching, because udev creates {@code /dev/serial/by-id} only when the first USB serial device appears and
 * pseudo-terminals appear under {@code /dev/pts}, and because Windows and macOS have no such directory at all.
 */
final class PortWatcher extends Job {

	/** The job family, for {@code Job.getJobManager().join(PortWatcher.FAMILY, monitor)} in tests. */
	static final Object FAMILY = PortWatcher.class;

	static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
	static final Duration DEFAULT_SETTLE_TIME = Duration.ofMillis(250);

	private final Supplier<List<SerialPortInfo>> ports;
	private final Consumer<PortChange> changes;
	private final Duration pollInterval;
	private final Duration settleTime;
	private final CountDownLatch baselineTaken = new CountDownLatch(1);
	private volatile boolean stopped = true;
	private PortChangeDebouncer debouncer;

	PortWatcher(Supplier<List<SerialPortInfo>> ports, Consumer<PortChange> changes, Duration pollInterval,
			Duration settleTime) {
		super("Watching serial ports"); //$NON-NLS-1$
		this.ports = ports;
		this.changes = changes;
		this.pollInterval = pollInterval;
		this.settleTime = settleTime;
		setSystem(true);
	}

	void start() {
		stopped = false;
		schedule();
	}

	/** Stops polling and waits for a running poll to end. @return whether it ended within the timeout */
	boolean stop(Duration timeout) {
		stopped = true;
		cancel();
		try {
			return join(timeout.toMillis(), null);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** @return whether the first poll, which all later changes are relative to, happened within the timeout */
	boolean awaitBaseline(Duration timeout) throws InterruptedException {
		return baselineTaken.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		if (stopped || monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		List<SerialPortInfo> present = ports.get();
		if (debouncer == null) {
			debouncer = new PortChangeDebouncer(settleTime, present);
			baselineTaken.countDown();
		} else {
			for (PortChange change : debouncer.update(present, System.nanoTime())) {
				if (stopped || monitor.isCanceled()) {
					return Status.CANCEL_STATUS;
				}
				changes.accept(change);
			}
		}
		schedule(pollInterval.toMillis());
		return Status.OK_STATUS;
	}

	@Override
	public boolean shouldSchedule() {
		return !stopped;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}
}
