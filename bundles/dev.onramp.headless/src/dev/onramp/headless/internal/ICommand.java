/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;

/**
 * The implementation of one command of the catalogue. Commands are DS components with mandatory references to the
 * services they use, so a command exists at run time only where its services do; the others answer "not available
 * yet". A component names the catalogue command it implements in its {@link CommandRunner#COMMAND_PROPERTY}.
 */
public interface ICommand {

	/**
	 * Runs the command. Progress goes to the monitor (stderr); the result is printed by the caller.
	 *
	 * @throws OnrampException for every failure a user can act on; the reason decides the exit code
	 */
	CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException;
}
