/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.util.List;

/**
 * The parsers' position in a snippet's tokens, with the checks they share. Anything unexpected is a
 * {@code SyntaxError: invalid syntax} at the line of the current token.
 */
final class PyTokenCursor {

	private final List<PyLexer.Token> tokens;
	private int pos;

	PyTokenCursor(List<PyLexer.Token> tokens) {
		this.tokens = tokens;
	}

	PyLexer.Token peek() {
		return tokens.get(pos);
	}

	/** @return the token after the current one */
	PyLexer.Token peekAfter() {
		return tokens.get(pos + 1);
	}

	PyLexer.Token next() {
		return tokens.get(pos++);
	}

	void skip() {
		pos++;
	}

	/** Steps back onto the token just taken, so that a syntax error names its line. */
	void back() {
		pos--;
	}

	boolean isName(String name) {
		return peek().kind() == PyLexer.Kind.NAME && peek().text().equals(name);
	}

	boolean isOp(String op) {
		return peek().kind() == PyLexer.Kind.OP && peek().text().equals(op);
	}

	void expectOp(String op) {
		if (!isOp(op)) {
			throw syntaxError();
		}
		pos++;
	}

	String expectName() {
		if (peek().kind() != PyLexer.Kind.NAME) {
			throw syntaxError();
		}
		return next().text();
	}

	PyException syntaxError() {
		return new PyException("SyntaxError", "invalid syntax", peek().line()); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
