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
	void quotedPathsRoundTrip() {
		String tricky = "/a b/it's\\\n\u00e9.txt";
		interpreter.run("print(" + PythonLiteral.quote(tricky) + ")");
		assertEquals(tricky + "\n", out.toString());
		assertEquals(List.of(List.of("a.txt", Long.valueOf(32768), Long.valueOf(0), Long.valueOf(12))),
				PythonLiteral.parse("[('a.txt', 32768, 0, 12)]"));
	}
}
