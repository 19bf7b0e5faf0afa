/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.onramp.simulator.internal.PyValues.Bytes;
import dev.onramp.simulator.internal.PyValues.PyObject;
import dev.onramp.simulator.internal.PyValues.Tuple;

/**
 * A deliberately small, strict Python interpreter: enough for the snippets a REPL client sends (imports, assignments,
 * calls, attribute access, subscripts, literals, {@code +}, {@code ==}) and nothing more. Statements are separated by
 * new lines or semicolons. The only compound statements are {@code try:}/{@code finally:} and {@code for NAME in X:}
 * (the binary upload's receiver uses them); others ({@code if}, {@code while}, {@code def}, {@code except}...) and
 * stray indentation are answered with a {@code SyntaxError} or {@code IndentationError}, unknown names with a
 * {@code NameError}, like real firmware would for wrong code. The whole snippet is parsed before anything runs.
 */
public final class Interpreter {

	/** One parsed statement or expression. */
	@FunctionalInterface
	private interface Node {
		Object eval();
	}

	private record Statement(int line, Node node) {
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
		execute(parse(PyLexer.tokenize(code)));
	}

	private static void execute(List<Statement> statements) {
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

	// ---- parser (builds closures)

	private List<PyLexer.Token> tokens;
	private int pos;

	private List<Statement> parse(List<PyLexer.Token> list) {
		this.tokens = list;
		this.pos = 0;
		return statements(PyLexer.Kind.END);
	}

	/** Statements up to (not including) {@code end}: the end of the snippet or of an indented block. */
	private List<Statement> statements(PyLexer.Kind end) {
		List<Statement> statements = new ArrayList<>();
		while (peek().kind() != end) {
			if (peek().kind() == PyLexer.Kind.NEWLINE || isOp(";")) { //$NON-NLS-1$
				pos++;
				continue;
			}
			if (peek().kind() == PyLexer.Kind.INDENT) {
				throw new PyException("IndentationError", "unexpected indent", peek().line()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			if (peek().kind() == PyLexer.Kind.END || peek().kind() == PyLexer.Kind.DEDENT) {
				throw syntaxError();
			}
			int line = peek().line();
			if (isName("try") || isName("for")) { //$NON-NLS-1$ //$NON-NLS-2$
				statements.add(new Statement(line, compound()));
				continue;
			}
			statements.add(new Statement(line, statement()));
			if (!(peek().kind() == PyLexer.Kind.NEWLINE || isOp(";"))) { //$NON-NLS-1$
				throw syntaxError();
			}
		}
		return statements;
	}

	private boolean isName(String name) {
		return peek().kind() == PyLexer.Kind.NAME && peek().text().equals(name);
	}

	/** {@code try:} suite {@code finally:} suite, or {@code for NAME in EXPR:} suite. */
	private Node compound() {
		if (next().text().equals("try")) { //$NON-NLS-1$
			expectOp(":"); //$NON-NLS-1$
			List<Statement> body = suite();
			if (!isName("finally")) { //$NON-NLS-1$
				throw syntaxError(); // try/except is not supported
			}
			pos++;
			expectOp(":"); //$NON-NLS-1$
			List<Statement> cleanup = suite();
			return () -> {
				try {
					execute(body);
				} finally {
					execute(cleanup);
				}
				return PyValues.NONE;
			};
		}
		String name = expectName();
		if (!isName("in")) { //$NON-NLS-1$
			throw syntaxError();
		}
		pos++;
		Node iterable = expression();
		expectOp(":"); //$NON-NLS-1$
		List<Statement> body = suite();
		return () -> {
			Object items = iterable.eval();
			List<?> list = items instanceof Tuple t ? t.items() : items instanceof List<?> l ? l : null;
			if (list == null) {
				throw PyValues.typeError("'" + PyValues.typeName(items) + "' object isn't iterable"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			for (Object item : List.copyOf(list)) {
				globals.put(name, item);
				execute(body);
			}
			return PyValues.NONE;
		};
	}

	/** Simple statements on the line of the colon, or an indented block on the following lines. */
	private List<Statement> suite() {
		if (peek().kind() == PyLexer.Kind.NEWLINE) {
			pos++;
			if (peek().kind() != PyLexer.Kind.INDENT) {
				throw syntaxError(); // MicroPython says "invalid syntax" for a missing block
			}
			pos++;
			List<Statement> block = statements(PyLexer.Kind.DEDENT);
			pos++;
			if (block.isEmpty()) {
				throw syntaxError();
			}
			return block;
		}
		List<Statement> line = new ArrayList<>();
		do {
			if (isName("try") || isName("for") || isName("finally")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				throw syntaxError();
			}
			line.add(new Statement(peek().line(), statement()));
		} while (isOp(";") && next() != null && peek().kind() != PyLexer.Kind.NEWLINE); //$NON-NLS-1$
		if (peek().kind() != PyLexer.Kind.NEWLINE) {
			throw syntaxError();
		}
		pos++;
		return line;
	}

	private PyLexer.Token peek() {
		return tokens.get(pos);
	}

	private PyLexer.Token next() {
		return tokens.get(pos++);
	}

	private boolean isOp(String op) {
		return peek().kind() == PyLexer.Kind.OP && peek().text().equals(op);
	}

	private void expectOp(String op) {
		if (!isOp(op)) {
			throw syntaxError();
		}
		pos++;
	}

	private String expectName() {
		if (peek().kind() != PyLexer.Kind.NAME) {
			throw syntaxError();
		}
		return next().text();
	}

	private PyException syntaxError() {
		return new PyException("SyntaxError", "invalid syntax", peek().line()); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static final List<String> UNSUPPORTED_KEYWORDS = List.of("if", "for", "while", "def", "class", "try", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"with", "else", "elif", "except", "lambda", "return", "yield", "global", "async", "raise", "finally", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$
			"in"); //$NON-NLS-1$

	private Node statement() {
		PyLexer.Token first = peek();
		if (first.kind() == PyLexer.Kind.NAME) {
			switch (first.text()) {
			case "import" -> { //$NON-NLS-1$
				pos++;
				List<String[]> names = new ArrayList<>();
				do {
					String module = expectName();
					String alias = module;
					if (peek().kind() == PyLexer.Kind.NAME && peek().text().equals("as")) { //$NON-NLS-1$
						pos++;
						alias = expectName();
					}
					names.add(new String[] { module, alias });
				} while (isOp(",") && next() != null); //$NON-NLS-1$
				return () -> {
					for (String[] name : names) {
						globals.put(name[1], importer.apply(name[0]));
					}
					return PyValues.NONE;
				};
			}
			case "from" -> { //$NON-NLS-1$
				pos++;
				String module = expectName();
				if (!(peek().kind() == PyLexer.Kind.NAME && next().text().equals("import"))) { //$NON-NLS-1$
					throw syntaxError();
				}
				List<String> names = new ArrayList<>();
				do {
					names.add(expectName());
				} while (isOp(",") && next() != null); //$NON-NLS-1$
				return () -> {
					Object m = importer.apply(module);
					for (String name : names) {
						globals.put(name, attribute(m, name));
					}
					return PyValues.NONE;
				};
			}
			case "pass" -> { //$NON-NLS-1$
				pos++;
				return () -> PyValues.NONE;
			}
			case "del" -> { //$NON-NLS-1$
				pos++;
				List<String> names = new ArrayList<>();
				do {
					names.add(expectName());
				} while (isOp(",") && next() != null); //$NON-NLS-1$
				return () -> {
					for (String name : names) {
						if (globals.remove(name) == null) {
							throw nameError(name);
						}
					}
					return PyValues.NONE;
				};
			}
			default -> {
				if (UNSUPPORTED_KEYWORDS.contains(first.text())) {
					throw syntaxError();
				}
			}
			}
			PyLexer.Token after = tokens.get(pos + 1);
			if (after.kind() == PyLexer.Kind.OP && after.text().equals("=")) { //$NON-NLS-1$
				pos += 2;
				String name = first.text();
				Node value = expression();
				return () -> {
					globals.put(name, value.eval());
					return PyValues.NONE;
				};
			}
		}
		return expression();
	}

	private Node expression() {
		Node left = additive();
		while (isOp("==") || isOp("!=")) { //$NON-NLS-1$ //$NON-NLS-2$
			boolean equal = next().text().equals("=="); //$NON-NLS-1$
			Node l = left;
			Node right = additive();
			left = () -> Boolean.valueOf(l.eval().equals(right.eval()) == equal);
		}
		return left;
	}

	private Node additive() {
		Node left = unary();
		while (isOp("+") || isOp("-")) { //$NON-NLS-1$ //$NON-NLS-2$
			boolean plus = next().text().equals("+"); //$NON-NLS-1$
			Node l = left;
			Node right = unary();
			left = () -> plus ? add(l.eval(), right.eval()) : Long.valueOf(PyValues.asInt(l.eval()) - PyValues.asInt(right.eval()));
		}
		return left;
	}

	private static Object add(Object a, Object b) {
		if (a instanceof Long x && b instanceof Long y) {
			return Long.valueOf(x.longValue() + y.longValue());
		}
		if (a instanceof String x && b instanceof String y) {
			return x + y;
		}
		if (a instanceof Bytes x && b instanceof Bytes y) {
			byte[] data = new byte[x.data().length + y.data().length];
			System.arraycopy(x.data(), 0, data, 0, x.data().length);
			System.arraycopy(y.data(), 0, data, x.data().length, y.data().length);
			return new Bytes(data);
		}
		throw PyValues.typeError("unsupported types for __add__: '" + PyValues.typeName(a) + "', '" //$NON-NLS-1$ //$NON-NLS-2$
				+ PyValues.typeName(b) + "'"); //$NON-NLS-1$
	}

	private Node unary() {
		if (isOp("-")) { //$NON-NLS-1$
			pos++;
			Node operand = unary();
			return () -> Long.valueOf(-PyValues.asInt(operand.eval()));
		}
		return postfix();
	}

	private Node postfix() {
		Node node = atom();
		while (true) {
			if (isOp(".")) { //$NON-NLS-1$
				pos++;
				String name = expectName();
				Node target = node;
				node = () -> attribute(target.eval(), name);
			} else if (isOp("(")) { //$NON-NLS-1$
				pos++;
				List<Node> args = new ArrayList<>();
				Map<String, Node> kwargs = new LinkedHashMap<>();
				while (!isOp(")")) { //$NON-NLS-1$
					PyLexer.Token after = tokens.get(pos + 1);
					if (peek().kind() == PyLexer.Kind.NAME && after.kind() == PyLexer.Kind.OP && after.text().equals("=")) { //$NON-NLS-1$
						String key = next().text();
						pos++;
						kwargs.put(key, expression());
					} else {
						args.add(expression());
					}
					if (!isOp(")")) { //$NON-NLS-1$
						expectOp(","); //$NON-NLS-1$
					}
				}
				pos++;
				Node callee = node;
				node = () -> call(callee.eval(), args, kwargs);
			} else if (isOp("[")) { //$NON-NLS-1$
				pos++;
				Node index = expression();
				expectOp("]"); //$NON-NLS-1$
				Node target = node;
				node = () -> subscript(target.eval(), index.eval());
			} else {
				return node;
			}
		}
	}

	private Node atom() {
		PyLexer.Token token = next();
		switch (token.kind()) {
		case NUMBER, STRING, BYTES -> {
			Object value = token.value();
			// adjacent string literals concatenate
			if (token.kind() != PyLexer.Kind.NUMBER) {
				while (peek().kind() == token.kind()) {
					value = add(value, next().value());
				}
			}
			Object constant = value;
			return () -> constant;
		}
		case NAME -> {
			String name = token.text();
			switch (name) {
			case "None": //$NON-NLS-1$
				return () -> PyValues.NONE;
			case "True": //$NON-NLS-1$
				return () -> Boolean.TRUE;
			case "False": //$NON-NLS-1$
				return () -> Boolean.FALSE;
			default:
				if (UNSUPPORTED_KEYWORDS.contains(name) || name.equals("import")) { //$NON-NLS-1$
					pos--;
					throw syntaxError();
				}
				return () -> lookup(name);
			}
		}
		case OP -> {
			if (token.text().equals("(") || token.text().equals("[")) { //$NON-NLS-1$ //$NON-NLS-2$
				boolean list = token.text().equals("["); //$NON-NLS-1$
				String close = list ? "]" : ")"; //$NON-NLS-1$ //$NON-NLS-2$
				List<Node> items = new ArrayList<>();
				boolean comma = false;
				while (!isOp(close)) {
					items.add(expression());
					if (!isOp(close)) {
						expectOp(","); //$NON-NLS-1$
						comma = true;
					}
				}
				pos++;
				if (!list && items.size() == 1 && !comma) {
					return items.get(0);
				}
				return () -> {
					List<Object> values = new ArrayList<>();
					for (Node item : items) {
						values.add(item.eval());
					}
					return list ? values : new Tuple(List.copyOf(values));
				};
			}
			pos--;
			throw syntaxError();
		}
		default -> {
			pos--;
			throw syntaxError();
		}
		}
	}

	// ---- evaluation helpers

	private Object lookup(String name) {
		Object value = globals.get(name);
		if (value == null) {
			value = builtins.apply(name);
		}
		if (value == null) {
			throw nameError(name);
		}
		return value;
	}

	private static PyException nameError(String name) {
		return new PyException("NameError", "name '" + name + "' isn't defined"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	static Object attribute(Object target, String name) {
		Object value = null;
		if (target instanceof PyObject object) {
			value = object.attribute(name);
		} else if (target instanceof Bytes bytes && name.equals("decode")) { //$NON-NLS-1$
			value = (PyValues.Function) (args, kw) -> new String(bytes.data(), StandardCharsets.UTF_8);
		} else if (target instanceof String s && name.equals("encode")) { //$NON-NLS-1$
			value = (PyValues.Function) (args, kw) -> new Bytes(s.getBytes(StandardCharsets.UTF_8));
		}
		if (value == null) {
			throw new PyException("AttributeError", "'" + PyValues.typeName(target) + "' object has no attribute '" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ name + "'"); //$NON-NLS-1$
		}
		return value;
	}

	private static Object call(Object callee, List<Node> argNodes, Map<String, Node> kwargNodes) {
		if (!(callee instanceof PyValues.Function function)) {
			throw PyValues.typeError("'" + PyValues.typeName(callee) + "' object isn't callable"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<Object> args = new ArrayList<>();
		for (Node arg : argNodes) {
			args.add(arg.eval());
		}
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargNodes.forEach((k, v) -> kwargs.put(k, v.eval()));
		return function.call(args, kwargs);
	}

	private static Object subscript(Object target, Object index) {
		List<?> items;
		if (target instanceof Tuple t) {
			items = t.items();
		} else if (target instanceof List<?> l) {
			items = l;
		} else if (target instanceof Bytes b) {
			int i = (int) normalize(PyValues.asInt(index), b.data().length);
			return Long.valueOf(b.data()[i] & 0xff);
		} else {
			throw PyValues.typeError("'" + PyValues.typeName(target) + "' object isn't subscriptable"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return items.get((int) normalize(PyValues.asInt(index), items.size()));
	}

	private static long normalize(long index, int size) {
		long i = index < 0 ? index + size : index;
		if (i < 0 || i >= size) {
			throw new PyException("IndexError", "index out of range"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return i;
	}
}
