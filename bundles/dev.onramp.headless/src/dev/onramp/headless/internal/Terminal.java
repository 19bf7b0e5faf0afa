/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.util.Map;

/**
 * What the streams are connected to. The {@code onramp} launcher script knows for sure ({@code test -t}) and says
 * so in environment variables; without them, everything is treated as a pipe: plain lines, no prompts.
 */
public record Terminal(boolean stdinIsTerminal, boolean stderrIsTerminal, int columns) {

	static final String STDIN_VARIABLE = "ONRAMP_STDIN_TTY"; //$NON-NLS-1$
	static final String STDERR_VARIABLE = "ONRAMP_STDERR_TTY"; //$NON-NLS-1$
	private static final int DEFAULT_COLUMNS = 80;

	public static Terminal from(Map<String, String> environment) {
		int columns = DEFAULT_COLUMNS;
		try {
			columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "")); //$NON-NLS-1$ //$NON-NLS-2$
		} catch (NumberFormatException e) {
			// keep the default
		}
		return new Terminal("1".equals(environment.get(STDIN_VARIABLE)), //$NON-NLS-1$
				"1".equals(environment.get(STDERR_VARIABLE)), Math.max(40, columns)); //$NON-NLS-1$
	}
}
