/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.progress.IProgressConstants;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.onramp.core.Device;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;
import dev.onramp.ui.internal.jobs.DeviceRule;

/**
 * A scenario's work on one device: a cancellable user Job (the Progress view shows it) with the device's
 * {@link DeviceRule} and the Onramp family, writing its steps and failures to the device's console and ending with
 * a dialog that says, in words, what happened. Failures show the service's message and hint, never a stack trace.
 */
public abstract class ScenarioJob extends Job {

	private static final String PLUGIN_ID = "dev.onramp.ui"; //$NON-NLS-1$

	private final Device device;
	private final IDeviceConsole console;
	private volatile Outcome outcome;

	/** @param console the device's console, or null when no console service is installed */
	protected ScenarioJob(String name, Device device, IDeviceConsole console) {
		super(name);
		this.device = device;
		this.console = console;
		setRule(new DeviceRule(DeviceCapabilities.key(device)));
		setUser(true);
		// the result dialog reports a failure: the workbench's error prompt would say it twice
		setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == DeviceRule.FAMILY;
	}

	public Device device() {
		return device;
	}

	/** @return what the scenario ended with, once it ended (not when it was cancelled) */
	public Outcome outcome() {
		return outcome;
	}

	/**
	 * Does the scenario's work.
	 *
	 * @param monitor reports progress to the Progress view and the console
	 * @return the outcome of a successful run
	 * @throws OnrampException the service's failure, shown with its message and hint
	 */
	protected abstract Outcome perform(ScenarioServices services, IProgressMonitor monitor) throws OnrampException;

	/** @return the title of the dialog that reports a failure */
	protected abstract String failureTitle();

	/** @return what the dialog says after a failure: the message, the hint and what the user can change */
	protected String failureText(OnrampException failure) {
		StringBuilder text = new StringBuilder(failure.getMessage());
		failure.hint().ifPresent(hint -> text.append("\n\n").append(hint)); //$NON-NLS-1$
		failure.remedy().map(ScenarioJob::remedyText).ifPresent(remedy -> text.append("\n\n").append(remedy)); //$NON-NLS-1$
		return text.toString();
	}

	/** Releases what the scenario holds (its secrets), whether it ran or was cancelled before it started. */
	protected void dispose() {
		// nothing by default
	}

	@Override
	protected final IStatus run(IProgressMonitor monitor) {
		IProgressMonitor progress = new ConsoleProgress(monitor, console);
		BundleContext context = FrameworkUtil.getBundle(ScenarioJob.class).getBundleContext();
		ServiceReference<ScenarioServices> reference = context == null ? null
				: context.getServiceReference(ScenarioServices.class);
		try {
			ScenarioServices services = reference == null ? null : context.getService(reference);
			if (services == null) {
				throw new OnrampException(FailureReason.NOT_AVAILABLE, Messages.Services_notRunning,
						Messages.Services_missingHint);
			}
			Outcome result = perform(services, progress);
			if (console != null) {
				console.step(Messages.ScenarioJob_done);
			}
			report(result);
			return result.success() ? Status.OK_STATUS : new Status(IStatus.ERROR, PLUGIN_ID, result.title());
		} catch (OperationCanceledException e) {
			return cancelled();
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.CANCELLED || monitor.isCanceled()) {
				return cancelled();
			}
			if (console != null) {
				console.error(e.userText());
			}
			report(Outcome.failure(failureTitle(), failureText(e)));
			return new Status(IStatus.ERROR, PLUGIN_ID, e.reason().exitCode(), e.getMessage(), null);
		} catch (RuntimeException e) {
			ILog.of(ScenarioJob.class).error(NLS.bind(Messages.ScenarioJob_bug, getName()), e);
			report(Outcome.failure(failureTitle(), Messages.ScenarioJob_bugText));
			return Status.error(Messages.ScenarioJob_bugText, e);
		} finally {
			if (reference != null) {
				context.ungetService(reference);
			}
			dispose();
		}
	}

	@Override
	protected void canceling() {
		// a Job cancelled before it started never runs: release its secrets now
		if (getState() == Job.WAITING || getState() == Job.SLEEPING) {
			dispose();
		}
	}

	private IStatus cancelled() {
		if (console != null) {
			console.step(Messages.ScenarioJob_cancelled);
		}
		return Status.CANCEL_STATUS;
	}

	private void report(Outcome result) {
		outcome = result;
		if (PlatformUI.isWorkbenchRunning()) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(() -> OutcomeDialog.show(result));
		}
	}

	/** The UI control that supplies what a service's remedy names. */
	static String remedyText(Remedy remedy) {
		return switch (remedy) {
		case PROOF_OF_POSSESSION -> Messages.Remedy_pop;
		case SRP_CREDENTIALS -> Messages.Remedy_srp;
		case SECURITY_SCHEME -> Messages.Remedy_scheme;
		case ENDPOINT -> Messages.Remedy_endpoint;
		case MORE_TIME -> Messages.Remedy_moreTime;
		case NETWORK_INTERFACE -> Messages.Remedy_networkInterface;
		case VALIDITY_DAYS -> Messages.Remedy_validityDays;
		case DATA_DIRECTORY -> Messages.Remedy_dataDirectory;
		case CERTIFICATE_ADDRESSES -> Messages.Remedy_certificateAddresses;
		case VERIFICATION_REFERENCE -> Messages.Remedy_verificationReference;
		case NEW_CERTIFICATE_AUTHORITY -> Messages.Remedy_newCertificateAuthority;
		case SERIAL_PORT -> Messages.Remedy_serialPort;
		};
	}
}
