/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

/**
 * A process that has a serial port open.
 *
 * @param pid     its process id
 * @param command its command name, as {@code /proc/<pid>/comm} gives it (empty if unknown)
 */
record PortHolder(long pid, String command) {

	PortHolder {
		command = command == null ? "" : command.strip(); //$NON-NLS-1$
	}

	/** @return for example {@code minicom (pid 4242)} */
	String describe() {
		return (command.isEmpty() ? "process" : command) + " (pid " + pid + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
