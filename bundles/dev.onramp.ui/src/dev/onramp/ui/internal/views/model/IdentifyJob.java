/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.util.Optional;
import java.util.function.BiConsumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.views.Messages;

/**
 * Asks the board on one serial port what it runs, holding the port's {@link DeviceRule} so no scenario or console
 * uses the port meanwhile. A failure (port busy, permission denied, nothing answering) is a result shown on the
 * board's row, not an error dialog: the Job itself always ends OK.
 */
final class IdentifyJob extends Job {

	/** The family of the explorer's identification Jobs (they belong to {@link DeviceRule#FAMILY} too). */
	static final Object FAMILY = IdentifyJob.class;

	private final String port;
	private final IDeviceIdentifier identifier;
	private final BiConsumer<IdentifyJob, Optional<Identification>> done;

	IdentifyJob(String port, IDeviceIdentifier identifier, BiConsumer<IdentifyJob, Optional<Identification>> done) {
		super(NLS.bind(Messages.DeviceExplorer_identifyJob, port));
		this.port = port;
		this.identifier = identifier;
		this.done = done;
		setRule(new DeviceRule(port));
	}

	String port() {
		return port;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Optional<Identification> result;
		try {
			result = Optional.of(Identification.identified(identifier.identify(port, monitor)));
		} catch (OnrampException e) {
			result = e.reason() == FailureReason.CANCELLED || monitor.isCanceled() ? Optional.empty()
					: Optional.of(Identification.failed(e));
		} catch (RuntimeException e) {
			ILog.of(getClass()).error("Identifying the board on " + port + " failed", e); //$NON-NLS-1$ //$NON-NLS-2$
			result = Optional.of(Identification.failed(new OnrampException(FailureReason.INTERNAL,
					NLS.bind(Messages.DeviceExplorer_identifyFailed, e.getClass().getSimpleName()))));
		}
		done.accept(this, result);
		return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == DeviceRule.FAMILY || family == FAMILY;
	}
}
