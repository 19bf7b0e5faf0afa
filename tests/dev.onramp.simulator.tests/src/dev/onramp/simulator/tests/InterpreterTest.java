/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.PythonLiteral;
import dev.onramp.simulator.internal.Interpreter;
import dev.onramp.simulator.internal.PyException;
import dev.onramp.simulator.internal.PyValues;

/** The simulator's strict interpreter and the client's literal quoting agree with Python. */
class InterpreterTest {

	private final StringBuilder out = new StringBuilder();
	private final Map<String, Object> globals = new HashMap<>();
	private final Interpreter interpreter = new Interpreter(globals, name -> name.equals("print")
			? (PyValues.Function) (args, kw) -> {
				out.append(PyValues.str(args.get(0))).append('\n');
				return PyValues.NONE;
			}
			: null, name -> {
				throw new PyException("ImportError", "no module named '" + name + "'");
			});

	@Test
	void evaluatesLiteralsAndReprsLikePython() {
		interpreter.run("a = b'\\x00\\'\"\\n\\xff'; print(a)\nprint(('x', 1, None, True))\nprint([])");
		assertEquals("b'\\x00\\'\"\\n\\xff'\n('x', 1, None, True)\n[]\n", out.toString());
		assertEquals("b\"it's\"", PyValues.repr(new PyValues.Bytes("it's".getBytes())));
	}

	/** Python's slice rules (bounds clamped, negative from the end, empty when crossed) and {@code +=}. */
	@Test
	void slicesAndAddsInPlaceLikePython() {
		interpreter.run("d = b'abcdef'\nprint((d[1:3], d[4:99], d[-2:], d[:2], d[5:1]))\n"
				+ "s = 'xyz'\nprint((s[1:], (1, 2, 3)[1:2], [1, 2, 3][:-1]))\n"
				+ "q = 0\nq += 48\nq += 2\nd += b'g'\nprint((q, d))");
		assertEquals("(b'bc', b'ef', b'ef', b'ab', b'')\n('yz', (2,), [1, 2])\n(50, b'abcdefg')\n", out.toString());
		assertEquals("NameError", assertThrows(Interpreter.LocatedException.class, () -> interpreter.run("z += 1"))
				.exception().type());
	}

	@Test
	void rejectsWhatItDoesNotKnowLikeFirmware() {
		Interpreter.LocatedException name = assertThrows(Interpreter.LocatedException.class,
				() -> interpreter.run("x = 1\nprint(y)"));
		assertEquals("NameError", name.exception().type());
		assertEquals(2, name.line());
		assertEquals("SyntaxError", assertThrows(PyException.class, () -> interpreter.run("while True:")).type());
		assertEquals("IndentationError", assertThrows(PyException.class, () -> interpreter.run("x=1\n  y=2")).type());
		assertEquals("ImportError", assertThrows(Interpreter.LocatedException.class, () -> interpreter.run("import foo"))
				.exception().type());
	}

	@Test
	void importsDottedModulesWithAndWithoutAliases() {
		Map<String, Object> modules = new HashMap<>();
		Interpreter importing = new Interpreter(globals, name -> null, name -> {
			Object module = moduleNamed(name);
			modules.put(name, module);
			return module;
		});
		importing.run("from a.b import c as d, e\nimport a.b\nimport a.b as f");
		assertEquals("a.b.c", PyValues.str(globals.get("d")));
		assertEquals("a.b.e", PyValues.str(globals.get("e")));
		assertEquals(modules.get("a"), globals.get("a"), "import a.b binds the package a");
		assertEquals(modules.get("a.b"), globals.get("f"));
		assertEquals("SyntaxError", assertThrows(PyException.class, () -> importing.run("from a. import b")).type());
		assertEquals("{'k': [0.5, None]}", PyValues.repr(Map.of("k", java.util.Arrays.asList(0.5, PyValues.NONE))));
	}

	/** @return a module whose every attribute is its dotted name */
	private static PyValues.PyObject moduleNamed(String name) {
		return new PyValues.PyObject() {
			@Override
			public String typeName() {
				return "module";
			}

			@Override
			public Object attribute(String attribute) {
				return name + "." + attribute;
			}
		};
	}

	@Test
	void quotedPathsRoundTrip() {
		String tricky = "/a b/it's\\\n\u00e9.txt";
		interpreter.run("print(" + PythonLiteral.quote(tricky) + ")");
		assertEquals(tricky + "\n", out.toString());
		assertEquals(List.of(List.of("a.txt", Long.valueOf(32768), Long.valueOf(0), Long.valueOf(12))),
				PythonLiteral.parse("[('a.txt', 32768, 0, 12)]"));
	}
}
