/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/** A step failed because code raised an exception on the device; the parsed exception says which. */
public class DeviceErrorException extends OnrampException {

	private static final long serialVersionUID = 1L;

	private final transient MicroPythonError error;

	public DeviceErrorException(FailureReason reason, String what, MicroPythonError error) {
		super(reason, what + " failed on the device: " + error.summary(), null); //$NON-NLS-1$
		this.error = error;
	}

	public MicroPythonError error() {
		return error;
	}
}
