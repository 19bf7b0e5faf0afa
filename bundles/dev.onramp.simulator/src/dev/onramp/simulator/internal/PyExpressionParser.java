/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.onramp.simulator.internal.Interpreter.Node;
import dev.onramp.simulator.internal.PyValues.Tuple;

/**
 * Parses expressions into closures: {@code ==}/{@code !=}, {@code +}/{@code -}, unary minus, attribute access, calls
 * with positional and keyword arguments, subscripts, names, literals (adjacent string literals concatenate), tuples
 * and lists. What the closures do to values is {@link PyOperations}.
 */
final class PyExpressionParser {

	/** Keywords that can neither start a simple statement nor stand as a name: a syntax error there. */
	static final List<String> UNSUPPORTED_KEYWORDS = List.of("if", "for", "while", "def", "class", "try", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"with", "else", "elif", "except", "lambda", "return", "yield", "global", "async", "raise", "finally", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$
			"in"); //$NON-NLS-1$

	private final PyTokenCursor cursor;
	private final Map<String, Object> globals;
	private final Function<String, Object> builtins;

	/**
	 * @param cursor   the position in the snippet, shared with the statement parser
	 * @param globals  the module namespace names are looked up in first
	 * @param builtins resolves the other names, {@code null} if unknown
	 */
	PyExpressionParser(PyTokenCursor cursor, Map<String, Object> globals, Function<String, Object> builtins) {
		this.cursor = cursor;
		this.globals = globals;
		this.builtins = builtins;
	}

	Node expression() {
		Node left = additive();
		while (cursor.isOp("==") || cursor.isOp("!=")) { //$NON-NLS-1$ //$NON-NLS-2$
			boolean equal = cursor.next().text().equals("=="); //$NON-NLS-1$
			Node l = left;
			Node right = additive();
			left = () -> Boolean.valueOf(l.eval().equals(right.eval()) == equal);
		}
		return left;
	}

	private Node additive() {
		Node left = unary();
		while (cursor.isOp("+") || cursor.isOp("-")) { //$NON-NLS-1$ //$NON-NLS-2$
			boolean plus = cursor.next().text().equals("+"); //$NON-NLS-1$
			Node l = left;
			Node right = unary();
			left = () -> plus ? PyOperations.add(l.eval(), right.eval())
					: Long.valueOf(PyValues.asInt(l.eval()) - PyValues.asInt(right.eval()));
		}
		return left;
	}

	private Node unary() {
		if (cursor.isOp("-")) { //$NON-NLS-1$
			cursor.skip();
			Node operand = unary();
			return () -> Long.valueOf(-PyValues.asInt(operand.eval()));
		}
		return postfix();
	}

	private Node postfix() {
		Node node = atom();
		while (true) {
			if (cursor.isOp(".")) { //$NON-NLS-1$
				cursor.skip();
				String name = cursor.expectName();
				Node target = node;
				node = () -> PyOperations.attribute(target.eval(), name);
			} else if (cursor.isOp("(")) { //$NON-NLS-1$
				cursor.skip();
				List<Node> args = new ArrayList<>();
				Map<String, Node> kwargs = new LinkedHashMap<>();
				while (!cursor.isOp(")")) { //$NON-NLS-1$
					PyLexer.Token after = cursor.peekAfter();
					if (cursor.peek().kind() == PyLexer.Kind.NAME && after.kind() == PyLexer.Kind.OP
							&& after.text().equals("=")) { //$NON-NLS-1$
						String key = cursor.next().text();
						cursor.skip();
						kwargs.put(key, expression());
					} else {
						args.add(expression());
					}
					if (!cursor.isOp(")")) { //$NON-NLS-1$
						cursor.expectOp(","); //$NON-NLS-1$
					}
				}
				cursor.skip();
				Node callee = node;
				node = () -> PyOperations.call(callee.eval(), args, kwargs);
			} else if (cursor.isOp("[")) { //$NON-NLS-1$
				cursor.skip();
				Node index = cursor.isOp(":") ? null : expression(); //$NON-NLS-1$
				Node target = node;
				if (cursor.isOp(":")) { //$NON-NLS-1$
					// a slice [start:stop], either bound left out (no step: MicroPython has it, no snippet uses it)
					cursor.skip();
					Node stop = cursor.isOp("]") ? null : expression(); //$NON-NLS-1$
					cursor.expectOp("]"); //$NON-NLS-1$
					node = () -> PyOperations.slice(target.eval(), index == null ? null : index.eval(),
							stop == null ? null : stop.eval());
				} else {
					cursor.expectOp("]"); //$NON-NLS-1$
					node = () -> PyOperations.subscript(target.eval(), index.eval());
				}
			} else {
				return node;
			}
		}
	}

	private Node atom() {
		PyLexer.Token token = cursor.next();
		switch (token.kind()) {
		case NUMBER, STRING, BYTES -> {
			Object value = token.value();
			// adjacent string literals concatenate
			if (token.kind() != PyLexer.Kind.NUMBER) {
				while (cursor.peek().kind() == token.kind()) {
					value = PyOperations.add(value, cursor.next().value());
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
					cursor.back();
					throw cursor.syntaxError();
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
				while (!cursor.isOp(close)) {
					items.add(expression());
					if (!cursor.isOp(close)) {
						cursor.expectOp(","); //$NON-NLS-1$
						comma = true;
					}
				}
				cursor.skip();
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
			cursor.back();
			throw cursor.syntaxError();
		}
		default -> {
			cursor.back();
			throw cursor.syntaxError();
		}
		}
	}

	private Object lookup(String name) {
		Object value = globals.get(name);
		if (value == null) {
			value = builtins.apply(name);
		}
		if (value == null) {
			throw PyOperations.nameError(name);
		}
		return value;
	}
}
