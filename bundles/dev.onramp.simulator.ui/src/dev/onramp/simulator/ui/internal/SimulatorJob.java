/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;

/**
 * Starts or stops simulated boards: a user Job (shown with its progress), of the simulator's own family, one at a
 * time (starting and stopping never overlap).
 */
public abstract class SimulatorJob extends Job {

	/** The family of every simulator Job, so tests and shutdown can join them. */
	public static final Object FAMILY = new Object();

	/** Simulator Jobs run one at a time: a stop never races a start. */
	private static final ISchedulingRule ONE_AT_A_TIME = new ISchedulingRule() {
		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}
	};

	protected final SimulatedDevices devices;

	protected SimulatorJob(String name, SimulatedDevices devices) {
		super(name);
		this.devices = devices;
		setUser(true);
		setRule(ONE_AT_A_TIME);
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == FAMILY;
	}

	/** @return a Job that starts {@code board} with {@code values} on 127.0.0.1 and registers it */
	public static SimulatorJob start(SimulatedDevices devices, SimulatedBoard board, DemoValues values) {
		return new SimulatorJob(NLS.bind(Messages.SimulatorJob_start, board.label()), devices) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask(getName(), 1);
				if (monitor.isCanceled()) {
					return Status.CANCEL_STATUS;
				}
				try {
					RunningSimulation simulation = devices.start(board, values);
					monitor.worked(1);
					return Status.info(NLS.bind(Messages.SimulatorJob_started, simulation.device().displayName(),
							simulation.address()));
				} catch (IOException e) {
					return Status.error(NLS.bind(Messages.SimulatorJob_startFailed, board.label(), e.getMessage()), e);
				} catch (IllegalStateException e) {
					return Status.error(NLS.bind(Messages.SimulatorJob_startFailed, board.label(), e.getMessage()));
				} finally {
					monitor.done();
				}
			}
		};
	}

	/** @return a Job that stops every simulated board and frees its port */
	public static SimulatorJob stopAll(SimulatedDevices devices) {
		return new SimulatorJob(Messages.SimulatorJob_stop, devices) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
				try {
					List<RunningSimulation> stopped = devices.stopAll();
					return Status.info(NLS.bind(Messages.SimulatorJob_stopped, Integer.valueOf(stopped.size())));
				} finally {
					monitor.done();
				}
			}
		};
	}
}
