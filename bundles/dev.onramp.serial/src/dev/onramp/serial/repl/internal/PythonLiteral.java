/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.util.ArrayList;
import java.util.List;

import dev.onramp.core.repl.PythonSource;

/**
 * Python literals both ways: quoting host strings into snippet source, and parsing the {@code repr} of simple values
 * (str, int, None, True/False, tuples, lists) that snippets print.
 */
public final class PythonLiteral {

	private final String text;
	private int pos;

	private PythonLiteral(String text) {
		this.text = text;
	}

	/** @return a single-quoted Python str literal for any text; see {@link PythonSource#quote(String)} */
	public static String quote(String value) {
		return PythonSource.quote(value);
	}

	/**
	 * Parses a printed value: {@code str}, {@code int}, {@code None}, {@code True}/{@code False}, tuples and lists of
	 * them. Tuples and lists both become {@link List}s.
	 *
	 * @throws IllegalArgumentException if the text is something else
	 */
	public static Object parse(String text) {
		PythonLiteral parser = new PythonLiteral(text.strip());
		Object value = parser.value();
		parser.skipSpace();
		if (parser.pos != parser.text.length()) {
			throw parser.error();
		}
		return value;
	}

	private Object value() {
		skipSpace();
		if (pos >= text.length()) {
			throw error();
		}
		char c = text.charAt(pos);
		if (c == '(' || c == '[') {
			char close = c == '(' ? ')' : ']';
			pos++;
			List<Object> items = new ArrayList<>();
			skipSpace();
			while (peek() != close) {
				items.add(value());
				skipSpace();
				if (peek() == ',') {
					pos++;
					skipSpace();
				} else if (peek() != close) {
					throw error();
				}
			}
			pos++;
			return items;
		}
		if (c == '\'' || c == '"') {
			return string(c);
		}
		if (c == '-' || Character.isDigit(c)) {
			int start = pos++;
			while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
				pos++;
			}
			return Long.valueOf(text.substring(start, pos));
		}
		for (String word : new String[] { "None", "True", "False" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (text.startsWith(word, pos)) {
				pos += word.length();
				return word.equals("None") ? null : Boolean.valueOf(word.equals("True")); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		throw error();
	}

	private String string(char quote) {
		pos++;
		StringBuilder out = new StringBuilder();
		while (true) {
			if (pos >= text.length()) {
				throw error();
			}
			char c = text.charAt(pos++);
			if (c == quote) {
				return out.toString();
			}
			if (c == '\\' && pos < text.length()) {
				char e = text.charAt(pos++);
				switch (e) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'x' -> {
					if (pos + 2 > text.length()) {
						throw error();
					}
					out.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
					pos += 2;
				}
				default -> out.append(e);
				}
			} else {
				out.append(c);
			}
		}
	}

	private char peek() {
		if (pos >= text.length()) {
			throw error();
		}
		return text.charAt(pos);
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private IllegalArgumentException error() {
		return new IllegalArgumentException("Not a simple Python value at " + pos + ": " + text); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
