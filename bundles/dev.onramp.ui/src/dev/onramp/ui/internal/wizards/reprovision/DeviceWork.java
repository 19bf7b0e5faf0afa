/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import dev.onramp.core.Device;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;

/**
 * A wizard's device step as a Job with the device's {@link DeviceRule} and the Onramp family (so a serial monitor
 * gives the port up and no other scenario runs on the device meanwhile), reporting to the wizard's progress monitor
 * and the device's console, and cancelled by the wizard's Cancel button.
 */
final class DeviceWork<T> extends Job {

	@FunctionalInterface
	interface Work<T> {
		T run(IProgressMonitor monitor) throws OnrampException;
	}

	private static final long POLL_MILLIS = 100;

	private final Work<T> work;
	private final IProgressMonitor wizardMonitor;
	private final IDeviceConsole console;
	private volatile T result;
	private volatile OnrampException failure;

	private DeviceWork(String name, Device device, IDeviceConsole console, IProgressMonitor wizardMonitor,
			Work<T> work) {
		super(name);
		this.work = work;
		this.wizardMonitor = wizardMonitor;
		this.console = console;
		setRule(new DeviceRule(DeviceCapabilities.key(device)));
		setSystem(true);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == DeviceRule.FAMILY;
	}

	/**
	 * Runs the work in a Job and waits for it; call from a wizard's forked runnable.
	 *
	 * @param console the device's console, or null when no console service is installed
	 * @throws InvocationTargetException wrapping the service's {@link OnrampException}
	 * @throws InterruptedException      when the user cancelled
	 */
	static <T> T run(String name, Device device, IDeviceConsole console, IProgressMonitor monitor, Work<T> work)
			throws InvocationTargetException, InterruptedException {
		DeviceWork<T> job = new DeviceWork<>(name, device, console, monitor, work);
		job.schedule();
		boolean done = false;
		while (!done) {
			try {
				done = job.join(POLL_MILLIS, monitor);
			} catch (OperationCanceledException e) {
				job.cancel();
				job.join();
				done = true;
			}
		}
		if (monitor.isCanceled() || job.getResult() == null || job.getResult().getSeverity() == IStatus.CANCEL) {
			throw new InterruptedException(Messages.DeviceWork_cancelled);
		}
		if (job.failure != null) {
			throw new InvocationTargetException(job.failure);
		}
		return job.result;
	}

	@Override
	protected IStatus run(IProgressMonitor jobMonitor) {
		IProgressMonitor progress = new ProgressMonitorWrapper(wizardMonitor) {
			@Override
			public boolean isCanceled() {
				return super.isCanceled() || jobMonitor.isCanceled();
			}

			@Override
			public void beginTask(String task, int totalWork) {
				super.beginTask(task, totalWork);
				step(task);
			}

			@Override
			public void subTask(String task) {
				super.subTask(task);
				step(task);
			}
		};
		try {
			result = work.run(progress);
			return Status.OK_STATUS;
		} catch (OperationCanceledException e) {
			return Status.CANCEL_STATUS;
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.CANCELLED || progress.isCanceled()) {
				step(Messages.DeviceWork_cancelled);
				return Status.CANCEL_STATUS;
			}
			if (console != null) {
				console.error(e.userText());
			}
			failure = e;
			return Status.OK_STATUS; // the wizard shows the failure; the workbench need not report it again
		}
	}

	private void step(String text) {
		if (console != null && text != null && !text.isBlank()) {
			console.step(text);
		}
	}
}
