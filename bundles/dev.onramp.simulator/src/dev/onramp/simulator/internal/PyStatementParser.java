/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.onramp.simulator.internal.Interpreter.Node;
import dev.onramp.simulator.internal.Interpreter.Statement;
import dev.onramp.simulator.internal.PyValues.Tuple;

/**
 * Parses a snippet's statements into closures that run against the interpreter's namespace: imports (dotted module
 * names, {@code import a.b [as c]}, {@code from a.b import x [as y], z}), assignments,
 * {@code del}, {@code pass}, expression statements, {@code try:}/{@code finally:} and {@code for NAME[, NAME...] in X:}.
 * Expressions are left to {@link PyExpressionParser}.
 */
final class PyStatementParser {

	private final PyTokenCursor cursor;
	private final PyExpressionParser expressions;
	private final Map<String, Object> globals;
	private final Function<String, Object> importer;

	/**
	 * @param tokens   the snippet, as {@link PyLexer} split it
	 * @param globals  the module namespace the statements assign to
	 * @param builtins resolves builtin names, {@code null} if unknown
	 * @param importer returns a module or throws an {@code ImportError}
	 */
	PyStatementParser(List<PyLexer.Token> tokens, Map<String, Object> globals, Function<String, Object> builtins,
			Function<String, Object> importer) {
		this.cursor = new PyTokenCursor(tokens);
		this.expressions = new PyExpressionParser(cursor, globals, builtins);
		this.globals = globals;
		this.importer = importer;
	}

	/**
	 * @return the snippet's statements, none of them run yet
	 * @throws PyException a syntax error
	 */
	List<Statement> parse() {
		return statements(PyLexer.Kind.END);
	}

	/** Statements up to (not including) {@code end}: the end of the snippet or of an indented block. */
	private List<Statement> statements(PyLexer.Kind end) {
		List<Statement> statements = new ArrayList<>();
		while (cursor.peek().kind() != end) {
			if (cursor.peek().kind() == PyLexer.Kind.NEWLINE || cursor.isOp(";")) { //$NON-NLS-1$
				cursor.skip();
				continue;
			}
			if (cursor.peek().kind() == PyLexer.Kind.INDENT) {
				throw new PyException("IndentationError", "unexpected indent", cursor.peek().line()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (cursor.peek().kind() == PyLexer.Kind.END || cursor.peek().kind() == PyLexer.Kind.DEDENT) {
				throw cursor.syntaxError();
			}
			int line = cursor.peek().line();
			if (cursor.isName("try") || cursor.isName("for")) { //$NON-NLS-1$ //$NON-NLS-2$
				statements.add(new Statement(line, compound()));
				continue;
			}
			statements.add(new Statement(line, statement()));
			if (!(cursor.peek().kind() == PyLexer.Kind.NEWLINE || cursor.isOp(";"))) { //$NON-NLS-1$
				throw cursor.syntaxError();
			}
		}
		return statements;
	}

	/** {@code try:} suite {@code finally:} suite, or {@code for NAME in EXPR:} suite. */
	private Node compound() {
		if (cursor.next().text().equals("try")) { //$NON-NLS-1$
			cursor.expectOp(":"); //$NON-NLS-1$
			List<Statement> body = suite();
			if (!cursor.isName("finally")) { //$NON-NLS-1$
				throw cursor.syntaxError(); // try/except is not supported
			}
			cursor.skip();
			cursor.expectOp(":"); //$NON-NLS-1$
			List<Statement> cleanup = suite();
			return () -> {
				try {
					Interpreter.execute(body);
				} finally {
					Interpreter.execute(cleanup);
				}
				return PyValues.NONE;
			};
		}
		List<String> names = new ArrayList<>();
		names.add(cursor.expectName());
		while (cursor.isOp(",")) { //$NON-NLS-1$
			cursor.skip();
			names.add(cursor.expectName());
		}
		if (!cursor.isName("in")) { //$NON-NLS-1$
			throw cursor.syntaxError();
		}
		cursor.skip();
		Node iterable = expressions.expression();
		cursor.expectOp(":"); //$NON-NLS-1$
		List<Statement> body = suite();
		return () -> {
			Object items = iterable.eval();
			List<?> list = items instanceof Tuple t ? t.items() : items instanceof List<?> l ? l : null;
			if (list == null) {
				throw PyValues.typeError("'" + PyValues.typeName(items) + "' object isn't iterable"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			for (Object item : List.copyOf(list)) {
				assignLoopTarget(names, item);
				Interpreter.execute(body);
			}
			return PyValues.NONE;
		};
	}

	/** Simple statements on the line of the colon, or an indented block on the following lines. */
	/** {@code for a in X} binds {@code a}; {@code for a, b in X} unpacks each item like an assignment. */
	private void assignLoopTarget(List<String> names, Object item) {
		if (names.size() == 1) {
			globals.put(names.get(0), item);
			return;
		}
		List<?> values = item instanceof Tuple t ? t.items() : item instanceof List<?> l ? l : null;
		if (values == null) {
			throw PyValues.typeError("'" + PyValues.typeName(item) + "' object isn't iterable"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (values.size() != names.size()) {
			throw new PyException("ValueError", "need " + names.size() + " values to unpack, got " + values.size()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		for (int i = 0; i < names.size(); i++) {
			globals.put(names.get(i), values.get(i));
		}
	}

	private List<Statement> suite() {
		if (cursor.peek().kind() == PyLexer.Kind.NEWLINE) {
			cursor.skip();
			if (cursor.peek().kind() != PyLexer.Kind.INDENT) {
				throw cursor.syntaxError(); // MicroPython says "invalid syntax" for a missing block
			}
			cursor.skip();
			List<Statement> block = statements(PyLexer.Kind.DEDENT);
			cursor.skip();
			if (block.isEmpty()) {
				throw cursor.syntaxError();
			}
			return block;
		}
		List<Statement> line = new ArrayList<>();
		do {
			if (cursor.isName("try") || cursor.isName("for") || cursor.isName("finally")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				throw cursor.syntaxError();
			}
			line.add(new Statement(cursor.peek().line(), statement()));
		} while (cursor.isOp(";") && cursor.next() != null && cursor.peek().kind() != PyLexer.Kind.NEWLINE); //$NON-NLS-1$
		if (cursor.peek().kind() != PyLexer.Kind.NEWLINE) {
			throw cursor.syntaxError();
		}
		cursor.skip();
		return line;
	}

	/** @return a module name, dotted for packages: {@code lib.sys.settings} */
	private String dottedName() {
		StringBuilder name = new StringBuilder(cursor.expectName());
		while (cursor.isOp(".")) { //$NON-NLS-1$
			cursor.skip();
			name.append('.').append(cursor.expectName());
		}
		return name.toString();
	}

	private Node statement() {
		PyLexer.Token first = cursor.peek();
		if (first.kind() == PyLexer.Kind.NAME) {
			switch (first.text()) {
			case "import" -> { //$NON-NLS-1$
				cursor.skip();
				List<String[]> names = new ArrayList<>();
				do {
					String module = dottedName();
					// import a.b binds the package a; import a.b as c binds the module a.b
					String alias = null;
					if (cursor.isName("as")) { //$NON-NLS-1$
						cursor.skip();
						alias = cursor.expectName();
					}
					names.add(new String[] { module, alias });
				} while (cursor.isOp(",") && cursor.next() != null); //$NON-NLS-1$
				return () -> {
					for (String[] name : names) {
						Object module = importer.apply(name[0]);
						if (name[1] != null) {
							globals.put(name[1], module);
						} else {
							String top = name[0].split("\\.")[0]; //$NON-NLS-1$
							globals.put(top, importer.apply(top));
						}
					}
					return PyValues.NONE;
				};
			}
			case "from" -> { //$NON-NLS-1$
				cursor.skip();
				String module = dottedName();
				if (!(cursor.peek().kind() == PyLexer.Kind.NAME && cursor.next().text().equals("import"))) { //$NON-NLS-1$
					throw cursor.syntaxError();
				}
				List<String[]> names = new ArrayList<>();
				do {
					String name = cursor.expectName();
					String alias = name;
					if (cursor.isName("as")) { //$NON-NLS-1$
						cursor.skip();
						alias = cursor.expectName();
					}
					names.add(new String[] { name, alias });
				} while (cursor.isOp(",") && cursor.next() != null); //$NON-NLS-1$
				return () -> {
					Object m = importer.apply(module);
					for (String[] name : names) {
						globals.put(name[1], PyOperations.attribute(m, name[0]));
					}
					return PyValues.NONE;
				};
			}
			case "pass" -> { //$NON-NLS-1$
				cursor.skip();
				return () -> PyValues.NONE;
			}
			case "del" -> { //$NON-NLS-1$
				cursor.skip();
				List<String> names = new ArrayList<>();
				do {
					names.add(cursor.expectName());
				} while (cursor.isOp(",") && cursor.next() != null); //$NON-NLS-1$
				return () -> {
					for (String name : names) {
						if (globals.remove(name) == null) {
							throw PyOperations.nameError(name);
						}
					}
					return PyValues.NONE;
				};
			}
			default -> {
				if (PyExpressionParser.UNSUPPORTED_KEYWORDS.contains(first.text())) {
					throw cursor.syntaxError();
				}
			}
			}
			PyLexer.Token after = cursor.peekAfter();
			if (after.kind() == PyLexer.Kind.OP && (after.text().equals("=") || after.text().equals("+="))) { //$NON-NLS-1$ //$NON-NLS-2$
				boolean add = after.text().equals("+="); //$NON-NLS-1$
				cursor.skip();
				cursor.skip();
				String name = first.text();
				Node value = expressions.expression();
				return () -> {
					Object current = add ? globals.get(name) : null;
					if (add && current == null) {
						throw PyOperations.nameError(name);
					}
					globals.put(name, add ? PyOperations.add(current, value.eval()) : value.eval());
					return PyValues.NONE;
				};
			}
		}
		return expressions.expression();
	}
}
