/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A deliberately small, strict Python interpreter: enough for the snippets a REPL client sends (imports, assignments,
 * calls, attribute access, subscripts, literals, {@code +}, {@code ==}) and nothing more. Statements are separated by
 * new lines or semicolons. The only compound statements are {@code try:}/{@code finally:} and {@code for NAME in X:}
 * (the binary upload's receiver uses them); others ({@code if}, {@code while}, {@code def}, {@code except}...) and
 * stray indentation are answered with a {@code SyntaxError} or {@code IndentationError}, unknown names with a
 * {@code NameError}, like real firmware would for wrong code. The whole snippet is parsed before anything runs:
 * {@link PyStatementParser} and {@link PyExpressionParser} turn it into closures, {@link PyOperations} holds what
 * they do to values.
 */
public final class Interpreter {

	/** One parsed statement or expression. */
	@FunctionalInterface
	interface Node {
		Object eval();
	}

	/** A parsed statement and the line it starts on, for the traceback. */
	record Statement(int line, Node node) {
	}

	private final Map<String, Object> globals;
	private final Function<String, Object> builtins;
	private final Function<String, Object> importer;

	/**
	 * @param globals  the module namespace, kept between snippets
	 * @param builtins resolves builtin names ({@code print}, {@code open}...), {@code null} if unknown
	 * @param importer returns a module or throws an {@code ImportError}
	 */
	public Interpreter(Map<String, Object> globals, Function<String, Object> builtins,
			Function<String, Object> importer) {
		this.globals = globals;
		this.builtins = builtins;
		this.importer = importer;
	}

	/**
	 * Runs a snippet.
	 *
	 * @throws PyException       a syntax error, before anything ran
	 * @throws LocatedException a runtime exception, with the line of the statement that raised it
	 */
	public void run(String code) {
		execute(new PyStatementParser(PyLexer.tokenize(code), globals, builtins, importer).parse());
	}

	/** Runs statements in order; a runtime exception stops them and is located at the statement that raised it. */
	static void execute(List<Statement> statements) {
		for (Statement statement : statements) {
			try {
				statement.node().eval();
			} catch (PyException e) {
				throw new LocatedException(e, statement.line());
			}
		}
	}

	/** A runtime exception with the line of the statement that raised it. */
	public static final class LocatedException extends RuntimeException {
		private static final long serialVersionUID = 1L;
		private final transient PyException exception;
		private final int line;

		LocatedException(PyException exception, int line) {
			super(exception.getMessage(), exception);
			this.exception = exception;
			this.line = line;
		}

		public PyException exception() {
			return exception;
		}

		public int line() {
			return line;
		}
	}
}
