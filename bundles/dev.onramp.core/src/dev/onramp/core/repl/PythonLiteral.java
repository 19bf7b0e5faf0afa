/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code repr()} of the values MicroPython snippets print: lists, tuples, {@code str} and {@code bytes}
 * literals, integers, {@code True}/{@code False}/{@code None}. Strings come back as {@link String}, bytes as
 * {@code byte[]}, integers as {@link Long}, sequences as {@link List}.
 */
public final class PythonLiteral {

	/**
	 * Deeper than any value the snippets print (a list of tuples is two levels): deeper nesting in device output is
	 * noise, and reading it by recursion would overflow the stack.
	 */
	static final int MAX_DEPTH = 32;

	private final String text;
	private int pos;
	private int depth;

	private PythonLiteral(String text) {
		this.text = text;
	}

	/** @return a single-quoted Python str literal for any text; see {@link PythonSource#quote(String)} */
	public static String quote(String value) {
		return PythonSource.quote(value);
	}

	/** @throws IllegalArgumentException when the text is not one such literal */
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
		if (c == '[' || c == '(') {
			if (++depth > MAX_DEPTH) {
				throw error();
			}
			List<Object> items = sequence(c == '[' ? ']' : ')');
			depth--;
			return items;
		}
		if (c == '\'' || c == '"') {
			return new String(quoted(), StandardCharsets.UTF_8);
		}
		if (c == 'b' && pos + 1 < text.length() && (text.charAt(pos + 1) == '\'' || text.charAt(pos + 1) == '"')) {
			pos++;
			return quoted();
		}
		if (c == '-' || Character.isDigit(c)) {
			int start = pos++;
			while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
				pos++;
			}
			try {
				return Long.valueOf(text.substring(start, pos));
			} catch (NumberFormatException e) {
				throw error(); // a lone minus sign, or beyond 64 bits
			}
		}
		for (String word : new String[] { "True", "False", "None" }) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			if (text.startsWith(word, pos)) {
				pos += word.length();
				return word.equals("None") ? null : Boolean.valueOf(word.equals("True")); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		throw error();
	}

	private List<Object> sequence(char close) {
		pos++;
		List<Object> items = new ArrayList<>();
		while (true) {
			skipSpace();
			if (pos < text.length() && text.charAt(pos) == close) {
				pos++;
				return items;
			}
			items.add(value());
			skipSpace();
			if (pos < text.length() && text.charAt(pos) == ',') {
				pos++;
			} else if (pos >= text.length() || text.charAt(pos) != close) {
				throw error();
			}
		}
	}

	/** @return the literal's bytes (UTF-8 for str) */
	private byte[] quoted() {
		char quote = text.charAt(pos++);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			if (pos >= text.length()) {
				throw error();
			}
			char c = text.charAt(pos++);
			if (c == quote) {
				return out.toByteArray();
			}
			if (c != '\\') {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && pos < text.length()) {
					encoded = text.substring(pos - 1, pos + 1).getBytes(StandardCharsets.UTF_8);
					pos++;
				}
				out.writeBytes(encoded);
				continue;
			}
			if (pos >= text.length()) {
				throw error();
			}
			char e = text.charAt(pos++);
			switch (e) {
			case 'n' -> out.write('\n');
			case 'r' -> out.write('\r');
			case 't' -> out.write('\t');
			case 'x' -> {
				if (pos + 2 > text.length() || Character.digit(text.charAt(pos), 16) < 0
						|| Character.digit(text.charAt(pos + 1), 16) < 0) {
					throw error();
				}
				out.write(Integer.parseInt(text.substring(pos, pos + 2), 16));
				pos += 2;
			}
			default -> out.write(e);
			}
		}
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private IllegalArgumentException error() {
		return new IllegalArgumentException("Not a Python literal at offset " + pos); //$NON-NLS-1$
	}
}
