/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.util.Objects;
import java.util.Optional;

import dev.onramp.core.FailureReason;

/**
 * What one snippet produced: its standard output and, when it raised, the parsed exception.
 */
public record ExecResult(String stdout, Optional<MicroPythonError> error) {

	public ExecResult {
		Objects.requireNonNull(stdout);
		Objects.requireNonNull(error);
	}

	public boolean ok() {
		return error.isEmpty();
	}

	/**
	 * @return the standard output
	 * @throws DeviceErrorException if the snippet raised
	 */
	public String stdoutOrThrow(String what) throws DeviceErrorException {
		if (error.isPresent()) {
			throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, what, error.get());
		}
		return stdout;
	}
}
