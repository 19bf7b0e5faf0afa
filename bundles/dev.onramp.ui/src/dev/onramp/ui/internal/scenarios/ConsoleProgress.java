/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.util.Objects;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ProgressMonitorWrapper;

import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/**
 * A progress monitor that also writes each task and sub-task to the device's console, as a step: what the Progress
 * view shows for a moment stays readable in the console. The texts come from the services, which never put a secret
 * in them.
 */
final class ConsoleProgress extends ProgressMonitorWrapper {

	private final IDeviceConsole console;
	private String last;

	/** @param console the device's console, or null when no console service is installed */
	ConsoleProgress(IProgressMonitor monitor, IDeviceConsole console) {
		super(monitor);
		this.console = console;
	}

	@Override
	public void beginTask(String name, int totalWork) {
		super.beginTask(name, totalWork);
		step(name);
	}

	@Override
	public void setTaskName(String name) {
		super.setTaskName(name);
		step(name);
	}

	@Override
	public void subTask(String name) {
		super.subTask(name);
		step(name);
	}

	private synchronized void step(String text) {
		if (console != null && text != null && !text.isBlank() && !Objects.equals(text, last)) {
			last = text;
			console.step(text);
		}
	}
}
