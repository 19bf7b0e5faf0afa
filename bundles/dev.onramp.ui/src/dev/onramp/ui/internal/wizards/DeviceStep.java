/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.onramp.core.Device;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.ui.internal.console.IDeviceConsoles;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;
import dev.onramp.ui.internal.scenarios.ScenarioServices;

/**
 * One step of a wizard's device work, called from the wizard container's forked runnable: it runs as a Job with the
 * device's {@link DeviceRule} in the Onramp family (so a console's serial monitor gives the port up and no other
 * scenario talks to the board meanwhile), reports progress to the wizard's monitor and ends when the wizard's Cancel
 * is pressed. Failures come back as the service's {@link OnrampException}, wrapped for the container.
 */
public final class DeviceStep {

	/** A device step's work, on a Job's thread. */
	@FunctionalInterface
	public interface Work<T> {
		T run(ScenarioServices services, IProgressMonitor monitor) throws OnrampException;
	}

	private static final long CANCEL_POLL_MS = 50;

	private DeviceStep() {
	}

	/**
	 * @param monitor the wizard container's monitor (thread-safe: the container wraps it for forked runnables)
	 * @throws InvocationTargetException wrapping the {@link OnrampException} the work failed with
	 * @throws InterruptedException      when the user cancelled
	 */
	public static <T> T run(Device device, String name, Work<T> work, IProgressMonitor monitor)
			throws InvocationTargetException, InterruptedException {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Exception> failure = new AtomicReference<>();
		IDeviceConsole console = console(device);
		Job job = new Job(name) {
			@Override
			protected IStatus run(IProgressMonitor jobMonitor) {
				IProgressMonitor both = new ProgressMonitorWrapper(monitor) {
					private String last;

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
					public void setTaskName(String task) {
						super.setTaskName(task);
						step(task);
					}

					@Override
					public void subTask(String task) {
						super.subTask(task);
						step(task);
					}

					// the services' progress texts never hold a secret: the console keeps them readable
					private synchronized void step(String text) {
						if (console != null && text != null && !text.isBlank() && !text.equals(last)) {
							last = text;
							console.step(text);
						}
					}
				};
				both.setTaskName(name);
				BundleContext context = FrameworkUtil.getBundle(DeviceStep.class).getBundleContext();
				ServiceReference<ScenarioServices> reference = context == null ? null
						: context.getServiceReference(ScenarioServices.class);
				try {
					ScenarioServices services = reference == null ? null : context.getService(reference);
					if (services == null) {
						throw new OnrampException(FailureReason.NOT_AVAILABLE, Messages.Step_servicesMissing, null);
					}
					result.set(work.run(services, both));
					return Status.OK_STATUS;
				} catch (OperationCanceledException e) {
					return Status.CANCEL_STATUS;
				} catch (OnrampException e) {
					if (console != null && e.reason() != FailureReason.CANCELLED && !both.isCanceled()) {
						console.error(e.userText());
					}
					failure.set(e);
					return Status.OK_STATUS; // the wizard page shows it
				} catch (RuntimeException e) {
					ILog.of(DeviceStep.class).error(name, e);
					failure.set(e);
					return Status.OK_STATUS;
				} finally {
					if (reference != null) {
						context.ungetService(reference);
					}
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == DeviceRule.FAMILY;
			}
		};
		job.setRule(new DeviceRule(DeviceCapabilities.key(device)));
		job.setSystem(true);
		CountDownLatch ended = new CountDownLatch(1);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				ended.countDown();
			}
		});
		job.schedule();
		// the wizard's Cancel reaches the Job at once, whether it waits for the device's rule or talks to the device
		while (!ended.await(CANCEL_POLL_MS, TimeUnit.MILLISECONDS)) {
			if (monitor.isCanceled()) {
				job.cancel();
				ended.await(); // the services end soon after their monitor is cancelled
				throw new InterruptedException();
			}
		}
		if (monitor.isCanceled() || job.getResult() != null && job.getResult().getSeverity() == IStatus.CANCEL) {
			throw new InterruptedException();
		}
		Exception failed = failure.get();
		if (failed instanceof OnrampException onramp && onramp.reason() == FailureReason.CANCELLED) {
			throw new InterruptedException(onramp.getMessage());
		}
		if (failed != null) {
			throw new InvocationTargetException(failed);
		}
		return result.get();
	}

	/** @return the device's console, or null until a console service is installed */
	public static IDeviceConsole console(Device device) {
		IDeviceConsoles consoles = consoles();
		return consoles == null ? null
				: consoles.console(DeviceCapabilities.key(device), DeviceCapabilities.title(device));
	}

	/** Tells the consoles a secret the user typed, so no console ever shows it, whatever a board prints. */
	public static void maskInConsoles(String secret) {
		IDeviceConsoles consoles = consoles();
		if (consoles != null && secret != null && !secret.isEmpty()) {
			consoles.maskSecret(secret);
		}
	}

	private static IDeviceConsoles consoles() {
		return PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getService(IDeviceConsoles.class) : null;
	}

	/** @return the failure a step ended with, as the page shows it: the service's message, then its hint */
	public static String describe(Throwable failure) {
		Throwable cause = failure instanceof InvocationTargetException wrapped ? wrapped.getCause() : failure;
		if (cause instanceof OnrampException onramp) {
			return onramp.hint().map(hint -> onramp.getMessage() + "\n\n" + hint).orElse(onramp.getMessage()); //$NON-NLS-1$
		}
		return Messages.Step_failedBug;
	}

	/** @return the failure reason of a step's failure, or null when it was not a service failure */
	public static FailureReason reason(Throwable failure) {
		Throwable cause = failure instanceof InvocationTargetException wrapped ? wrapped.getCause() : failure;
		return cause instanceof OnrampException onramp ? onramp.reason() : null;
	}
}
