/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.repl;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.serial.ISerialPortService;

/** Opens REPL sessions on a port the way every REPL-based operation of this bundle does. */
public final class ReplSessions {

	/** MicroPython boards talk at 115200 baud; channels without a baud rate ignore it. */
	public static final int BAUD_RATE = 115200;

	private ReplSessions() {
	}

	/**
	 * @throws OnrampException {@code PORT_NOT_FOUND}, {@code PORT_BUSY}, {@code PERMISSION_DENIED}, {@code TIMEOUT},
	 *                         {@code PROTOCOL_ERROR} as the serial and REPL services report them
	 */
	public static IReplSession open(ISerialPortService ports, IReplService repl, String port,
			IProgressMonitor monitor) throws OnrampException {
		return repl.connect(() -> ports.open(port, BAUD_RATE), ReplOptions.defaults(), monitor);
	}
}
