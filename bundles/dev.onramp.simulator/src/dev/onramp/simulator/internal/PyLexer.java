/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import dev.onramp.simulator.internal.PyValues.Bytes;

/**
 * Splits a snippet into tokens, with {@code INDENT}/{@code DEDENT} around indented blocks; rejects inconsistent
 * indentation and unknown characters like MicroPython's lexer.
 */
final class PyLexer {

	private PyLexer() {
	}

	enum Kind {
		NAME, NUMBER, STRING, BYTES, OP, NEWLINE, INDENT, DEDENT, END
	}

	record Token(Kind kind, String text, Object value, int line) {
	}

	static List<Token> tokenize(String code) {
		List<Token> tokens = new ArrayList<>();
		int line = 1;
		int i = 0;
		boolean lineStart = true;
		int n = code.length();
		ArrayDeque<Integer> indents = new ArrayDeque<>();
		indents.push(Integer.valueOf(0));
		while (i < n) {
			char c = code.charAt(i);
			if (lineStart) {
				lineStart = false;
				int j = i;
				while (j < n && (code.charAt(j) == ' ' || code.charAt(j) == '\t')) {
					j++;
				}
				if (j < n && code.charAt(j) != '\n' && code.charAt(j) != '\r' && code.charAt(j) != '#') {
					indent(j - i, indents, tokens, line);
				}
				i = j;
				continue;
			}
			if (c == '\n') {
				tokens.add(new Token(Kind.NEWLINE, "\n", null, line)); //$NON-NLS-1$
				line++;
				i++;
				lineStart = true;
			} else if (c == ' ' || c == '\t' || c == '\r') {
				i++;
			} else if (c == '#') {
				while (i < n && code.charAt(i) != '\n') {
					i++;
				}
			} else if ((c == 'b' || c == 'B') && i + 1 < n && (code.charAt(i + 1) == '\'' || code.charAt(i + 1) == '"')) {
				int end = readString(code, i + 1, line, true, tokens);
				line += newlines(code, i, end);
				i = end;
			} else if (c == '\'' || c == '"') {
				int end = readString(code, i, line, false, tokens);
				line += newlines(code, i, end);
				i = end;
			} else if (Character.isDigit(c)) {
				int j = i;
				while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_')) {
					j++;
				}
				String text = code.substring(i, j).replace("_", ""); //$NON-NLS-1$ //$NON-NLS-2$
				try {
					long value = text.startsWith("0x") || text.startsWith("0X") //$NON-NLS-1$ //$NON-NLS-2$
							? Long.parseLong(text.substring(2), 16)
							: Long.parseLong(text);
					tokens.add(new Token(Kind.NUMBER, text, Long.valueOf(value), line));
				} catch (NumberFormatException e) {
					throw new PyException("SyntaxError", "invalid syntax for number", line); //$NON-NLS-1$ //$NON-NLS-2$
				}
				i = j;
			} else if (Character.isLetter(c) || c == '_') {
				int j = i;
				while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_')) {
					j++;
				}
				tokens.add(new Token(Kind.NAME, code.substring(i, j), null, line));
				i = j;
			} else if ((c == '=' || c == '!' || c == '+') && i + 1 < n && code.charAt(i + 1) == '=') {
				tokens.add(new Token(Kind.OP, code.substring(i, i + 2), null, line));
				i += 2;
			} else if ("()[],.=+-;:".indexOf(c) >= 0) { //$NON-NLS-1$
				tokens.add(new Token(Kind.OP, String.valueOf(c), null, line));
				i++;
			} else {
				throw new PyException("SyntaxError", "invalid syntax", line); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		tokens.add(new Token(Kind.NEWLINE, "\n", null, line)); //$NON-NLS-1$
		indent(0, indents, tokens, line);
		tokens.add(new Token(Kind.END, "", null, line)); //$NON-NLS-1$
		return tokens;
	}

	/** Opens or closes blocks for a line indented by {@code width} (tabs count as one column, like spaces). */
	private static void indent(int width, ArrayDeque<Integer> indents, List<Token> tokens, int line) {
		if (width > indents.peek().intValue()) {
			indents.push(Integer.valueOf(width));
			tokens.add(new Token(Kind.INDENT, "", null, line)); //$NON-NLS-1$
			return;
		}
		while (width < indents.peek().intValue()) {
			indents.pop();
			tokens.add(new Token(Kind.DEDENT, "", null, line)); //$NON-NLS-1$
		}
		if (width != indents.peek().intValue()) {
			throw new PyException("IndentationError", "unindent doesn't match any outer indent level", line); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static int newlines(String code, int from, int to) {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (code.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

	/** A string or bytes literal; a triple-quoted one may span lines (its line breaks are part of the value). */
	private static int readString(String code, int start, int line, boolean bytes, List<Token> tokens) {
		char quote = code.charAt(start);
		int n = code.length();
		boolean triple = start + 2 < n && code.charAt(start + 1) == quote && code.charAt(start + 2) == quote;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int i = start + (triple ? 3 : 1);
		while (true) {
			if (i >= n || !triple && code.charAt(i) == '\n') {
				throw new PyException("SyntaxError", "unterminated string", line); //$NON-NLS-1$ //$NON-NLS-2$
			}
			char c = code.charAt(i);
			if (c == quote && (!triple || i + 2 < n && code.charAt(i + 1) == quote && code.charAt(i + 2) == quote)) {
				i += triple ? 3 : 1;
				break;
			}
			if (c == '\\' && i + 1 < n) {
				char e = code.charAt(i + 1);
				i += 2;
				switch (e) {
				case 'n' -> out.write('\n');
				case 'r' -> out.write('\r');
				case 't' -> out.write('\t');
				case '0' -> out.write(0);
				case '\\', '\'', '"' -> out.write(e);
				case 'x' -> {
					if (i + 2 > n) {
						throw new PyException("SyntaxError", "invalid \\x escape", line); //$NON-NLS-1$ //$NON-NLS-2$
					}
					int value = Integer.parseInt(code.substring(i, i + 2), 16);
					if (bytes) {
						out.write(value);
					} else {
						byte[] utf8 = new String(Character.toChars(value)).getBytes(StandardCharsets.UTF_8);
						out.write(utf8, 0, utf8.length);
					}
					i += 2;
				}
				default -> {
					out.write('\\');
					out.write(e);
				}
				}
				continue;
			}
			if (bytes && c > 0x7f) {
				throw new PyException("SyntaxError", "bytes can only contain ASCII literal characters", line); //$NON-NLS-1$ //$NON-NLS-2$
			}
			int cp = code.codePointAt(i);
			byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
			out.write(utf8, 0, utf8.length);
			i += Character.charCount(cp);
		}
		byte[] data = out.toByteArray();
		tokens.add(bytes ? new Token(Kind.BYTES, "", new Bytes(data), line) //$NON-NLS-1$
				: new Token(Kind.STRING, "", new String(data, StandardCharsets.UTF_8), line)); //$NON-NLS-1$
		return i;
	}
}
