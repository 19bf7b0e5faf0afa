/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

/**
 * Helpers for building snippets from untrusted text (paths, SSIDs, passwords): never concatenate such text into
 * Python source without {@link #quote(String)}.
 */
public final class PythonSource {

	private PythonSource() {
	}

	/**
	 * @return a single-quoted Python {@code str} literal holding exactly {@code value}: backslashes, quotes and control
	 *         characters are escaped, other characters (UTF-8 on the wire) pass through
	 */
	public static String quote(String value) {
		StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
		value.codePoints().forEach(c -> {
			switch (c) {
			case '\\' -> sb.append("\\\\"); //$NON-NLS-1$
			case '\'' -> sb.append("\\'"); //$NON-NLS-1$
			case '\n' -> sb.append("\\n"); //$NON-NLS-1$
			case '\r' -> sb.append("\\r"); //$NON-NLS-1$
			case '\t' -> sb.append("\\t"); //$NON-NLS-1$
			default -> {
				if (c < 0x20 || c == 0x7f) {
					sb.append(String.format("\\x%02x", Integer.valueOf(c))); //$NON-NLS-1$
				} else {
					sb.appendCodePoint(c);
				}
			}
			}
		});
		return sb.append('\'').toString();
	}
}
