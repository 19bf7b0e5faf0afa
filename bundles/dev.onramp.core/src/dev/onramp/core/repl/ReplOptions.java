/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits and modes of a REPL session.
 *
 * @param connectTimeout   how long interrupting the running program and entering the raw REPL may take
 * @param execTimeout      default limit for one snippet (from sending it to the final prompt)
 * @param reconnectTimeout how long the port may stay away after a hard reset (USB re-enumeration, boot)
 * @param rawPaste         try raw-paste mode (flow controlled) first; false forces plain raw mode
 * @param resetButtonWait  how long to wait for a person to press the board's RESET button when its program ignores
 *                         Ctrl-C and the line cannot reset it (no RTS/DTR); zero never asks
 */
public record ReplOptions(Duration connectTimeout, Duration execTimeout, Duration reconnectTimeout, boolean rawPaste,
		Duration resetButtonWait) {

	/**
	 * The system property an interactive front end sets (seconds) so that sessions ask a person to press RESET; the
	 * workbench and a terminal run of the command set it, scripts don't.
	 */
	public static final String RESET_BUTTON_WAIT_PROPERTY = "onramp.repl.resetButtonWait"; //$NON-NLS-1$

	public ReplOptions {
		Objects.requireNonNull(connectTimeout);
		Objects.requireNonNull(execTimeout);
		Objects.requireNonNull(reconnectTimeout);
		Objects.requireNonNull(resetButtonWait);
	}

	/**
	 * @return 5 s to connect, 10 s per snippet, 15 s to come back after a hard reset, raw-paste on, and the wait for
	 *         the RESET button from {@value #RESET_BUTTON_WAIT_PROPERTY} (none when unset)
	 */
	public static ReplOptions defaults() {
		long seconds = 0;
		try {
			seconds = Math.max(0, Long.parseLong(System.getProperty(RESET_BUTTON_WAIT_PROPERTY, "0"))); //$NON-NLS-1$
		} catch (NumberFormatException e) {
			// not a number: never ask
		}
		return new ReplOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), true,
				Duration.ofSeconds(seconds));
	}

	public ReplOptions withConnectTimeout(Duration timeout) {
		return new ReplOptions(timeout, execTimeout, reconnectTimeout, rawPaste, resetButtonWait);
	}

	public ReplOptions withExecTimeout(Duration timeout) {
		return new ReplOptions(connectTimeout, timeout, reconnectTimeout, rawPaste, resetButtonWait);
	}

	public ReplOptions withReconnectTimeout(Duration timeout) {
		return new ReplOptions(connectTimeout, execTimeout, timeout, rawPaste, resetButtonWait);
	}

	public ReplOptions withRawPaste(boolean enabled) {
		return new ReplOptions(connectTimeout, execTimeout, reconnectTimeout, enabled, resetButtonWait);
	}

	public ReplOptions withResetButtonWait(Duration wait) {
		return new ReplOptions(connectTimeout, execTimeout, reconnectTimeout, rawPaste, wait);
	}
}
