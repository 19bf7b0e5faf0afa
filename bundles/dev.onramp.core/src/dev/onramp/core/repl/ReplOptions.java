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
 */
public record ReplOptions(Duration connectTimeout, Duration execTimeout, Duration reconnectTimeout, boolean rawPaste) {

	public ReplOptions {
		Objects.requireNonNull(connectTimeout);
		Objects.requireNonNull(execTimeout);
		Objects.requireNonNull(reconnectTimeout);
	}

	/** @return 5 s to connect, 10 s per snippet, 15 s to come back after a hard reset, raw-paste on */
	public static ReplOptions defaults() {
		return new ReplOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), true);
	}

	public ReplOptions withConnectTimeout(Duration timeout) {
		return new ReplOptions(timeout, execTimeout, reconnectTimeout, rawPaste);
	}

	public ReplOptions withExecTimeout(Duration timeout) {
		return new ReplOptions(connectTimeout, timeout, reconnectTimeout, rawPaste);
	}

	public ReplOptions withReconnectTimeout(Duration timeout) {
		return new ReplOptions(connectTimeout, execTimeout, timeout, rawPaste);
	}

	public ReplOptions withRawPaste(boolean enabled) {
		return new ReplOptions(connectTimeout, execTimeout, reconnectTimeout, enabled);
	}
}
