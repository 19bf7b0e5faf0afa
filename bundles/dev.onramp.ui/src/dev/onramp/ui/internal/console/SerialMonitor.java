/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.ui.internal.jobs.DeviceRule;

/**
 * Shows what a board prints on its serial port in its console, while the user wants it, and never holds the port
 * while another Job of the board runs: when a Job whose scheduling rule conflicts with the board's
 * {@link DeviceRule} is scheduled, the monitor's Job ends at once (within one bounded read), closing the port, so the
 * other Job starts without waiting; when the last such Job is done, the monitor opens the port again.
 * <p>
 * The monitor's Job has the board's rule but its own {@link #FAMILY}, not {@link DeviceRule#FAMILY}: it runs until
 * the user stops it, so whoever joins the family of the Onramp Jobs that finish would wait for ever.
 */
public final class SerialMonitor {

	/** The family of the monitors' Jobs. */
	public static final Object FAMILY = SerialMonitor.class;
	/** The baud rate of ESP32 boot output and of MicroPython's REPL. */
	static final int BAUD_RATE = 115_200;
	/** How long one read waits: the longest the monitor takes to notice it must give the port up. */
	static final Duration READ_TIMEOUT = Duration.ofMillis(100);

	private final DeviceConsole console;
	private final String port;
	private final DeviceRule rule;
	private final Supplier<ISerialPortService> ports;
	private final Set<Job> blockers = ConcurrentHashMap.newKeySet();
	private final List<Runnable> stateListeners = new CopyOnWriteArrayList<>();
	private final IJobChangeListener jobWatcher = new JobChangeAdapter() {
		@Override
		public void scheduled(IJobChangeEvent event) {
			Job other = event.getJob();
			if (conflicts(other) && blockers.add(other)) {
				pauseFor(other);
			}
		}

		@Override
		public void done(IJobChangeEvent event) {
			if (blockers.remove(event.getJob()) && blockers.isEmpty() && wanted) {
				schedule(true);
			}
		}
	};
	private volatile boolean wanted;
	private volatile MonitorJob job;

	SerialMonitor(DeviceConsole console, String port, Supplier<ISerialPortService> ports) {
		this.console = console;
		this.port = port;
		this.rule = new DeviceRule(port);
		this.ports = ports;
	}

	public String port() {
		return port;
	}

	/** @return whether the user wants the port monitored (it may be paused while another Job runs) */
	public boolean isMonitoring() {
		return wanted;
	}

	/** @return whether the monitor is giving the port up to another Job of the board now */
	public boolean isPaused() {
		return wanted && !blockers.isEmpty();
	}

	/** @param listener told, on any thread, when monitoring is turned on or off */
	public void addStateListener(Runnable listener) {
		stateListeners.add(listener);
	}

	public void removeStateListener(Runnable listener) {
		stateListeners.remove(listener);
	}

	/** Starts monitoring, now or as soon as the board's other Jobs are done. */
	public synchronized void start() {
		if (wanted) {
			return;
		}
		wanted = true;
		Job.getJobManager().addJobChangeListener(jobWatcher);
		for (Job other : Job.getJobManager().find(null)) {
			if (conflicts(other) && other.getState() != Job.NONE) {
				blockers.add(other);
			}
		}
		blockers.removeIf(other -> other.getState() == Job.NONE);
		if (blockers.isEmpty()) {
			schedule(false);
		} else {
			console.step(NLS.bind(Messages.SerialMonitor_paused, blockers.iterator().next().getName()));
		}
		stateListeners.forEach(Runnable::run);
	}

	/** Stops monitoring and closes the port (within one bounded read); never waits. */
	public synchronized void stop() {
		if (!wanted) {
			return;
		}
		wanted = false;
		Job.getJobManager().removeJobChangeListener(jobWatcher);
		blockers.clear();
		MonitorJob running = job;
		if (running != null) {
			running.cancel();
		}
		console.step(NLS.bind(Messages.SerialMonitor_stopped, port));
		stateListeners.forEach(Runnable::run);
	}

	private boolean conflicts(Job other) {
		if (other instanceof MonitorJob) {
			return false;
		}
		ISchedulingRule otherRule = other.getRule();
		return otherRule != null && (otherRule.isConflicting(rule) || rule.isConflicting(otherRule));
	}

	private void pauseFor(Job other) {
		MonitorJob running = job;
		if (wanted) {
			console.step(NLS.bind(Messages.SerialMonitor_paused, other.getName()));
		}
		if (running != null) {
			running.cancel();
		}
	}

	private synchronized void schedule(boolean resuming) {
		if (!wanted || !blockers.isEmpty()) {
			return;
		}
		MonitorJob next = new MonitorJob(resuming);
		job = next;
		next.schedule();
	}

	private void failed(OnrampException e) {
		console.error(e.hint() == null ? e.getMessage() : e.getMessage() + ' ' + e.hint());
		synchronized (this) {
			wanted = false;
			Job.getJobManager().removeJobChangeListener(jobWatcher);
			blockers.clear();
		}
		stateListeners.forEach(Runnable::run);
	}

	/** Reads the port until cancelled, with bounded reads, and gives the lines to the console. */
	private final class MonitorJob extends Job {

		private final boolean resuming;

		MonitorJob(boolean resuming) {
			super(NLS.bind(Messages.SerialMonitor_jobName, port));
			this.resuming = resuming;
			setRule(rule);
			setSystem(true);
		}

		@Override
		public boolean belongsTo(Object family) {
			return family == FAMILY;
		}

		@Override
		protected IStatus run(IProgressMonitor monitor) {
			ISerialPortService service = ports.get();
			if (service == null) {
				console.error(Messages.SerialMonitor_noSerialService);
				return Status.OK_STATUS;
			}
			if (monitor.isCanceled() || !blockers.isEmpty()) {
				return Status.CANCEL_STATUS;
			}
			try (IByteChannel channel = service.open(port, BAUD_RATE)) {
				console.step(NLS.bind(resuming ? Messages.SerialMonitor_resumed : Messages.SerialMonitor_started, port));
				SerialLines lines = new SerialLines(console::serial);
				byte[] buffer = new byte[4096];
				while (!monitor.isCanceled() && blockers.isEmpty()) {
					int read = channel.read(buffer, 0, buffer.length, READ_TIMEOUT);
					if (read > 0) {
						lines.accept(buffer, read);
					} else {
						lines.flushPartial();
					}
				}
				lines.flushPartial();
			} catch (OnrampException e) {
				if (!monitor.isCanceled() && blockers.isEmpty()) {
					failed(e);
				}
			}
			return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
		}
	}
}
