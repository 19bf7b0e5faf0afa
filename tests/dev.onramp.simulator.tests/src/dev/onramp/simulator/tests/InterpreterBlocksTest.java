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

import dev.onramp.simulator.internal.Interpreter;
import dev.onramp.simulator.internal.PyException;
import dev.onramp.simulator.internal.PyValues;

/** The two compound statements the binary upload's receiver needs, and nothing more. */
class InterpreterBlocksTest {

	private final StringBuilder out = new StringBuilder();
	private final Map<String, Object> globals = new HashMap<>();
	private final Interpreter interpreter = new Interpreter(globals, name -> switch (name) {
	case "print" -> (PyValues.Function) (args, kw) -> {
		out.append(PyValues.str(args.get(0))).append('\n');
		return PyValues.NONE;
	};
	case "boom" -> (PyValues.Function) (args, kw) -> {
		throw new PyException("OSError", "[Errno 28] ENOSPC");
	};
	case "items" -> List.of(Long.valueOf(1), Long.valueOf(2), Long.valueOf(3));
	default -> null;
	}, name -> {
		throw new PyException("ImportError", "no module named '" + name + "'");
	});

	@Test
	void runsForLoopsOnOneLineAndInBlocks() {
		interpreter.run("for _i in items:print(_i);print(0)\nfor x in items:\n  print(x)\n\n  print(-x)\nprint('end')");
		assertEquals("1\n0\n2\n0\n3\n0\n1\n-1\n2\n-2\n3\n-3\nend\n", out.toString());
	}

	@Test
	void finallyRunsAfterAnExceptionWhichThenPropagatesWithItsLine() {
		Interpreter.LocatedException e = assertThrows(Interpreter.LocatedException.class,
				() -> interpreter.run("try:\n print('a')\n boom()\n print('never')\nfinally:\n print('cleanup')"));
		assertEquals("OSError", e.exception().type());
		assertEquals(3, e.line());
		assertEquals("a\ncleanup\n", out.toString());
	}

	@Test
	void nestedBlocksCloseAtTheEnd() {
		interpreter.run("try:\n for x in items:\n  print(x)\nfinally:\n print('f')");
		assertEquals("1\n2\n3\nf\n", out.toString());
	}

	@Test
	void everythingElseIsStillASyntaxError() {
		for (String code : List.of("try:\n pass\nexcept:\n pass", "if 1:\n pass", "while x:\n pass", "for i in x:",
				"try:\npass\nfinally:\n pass", "for x in items: for y in items: pass", "x=1;\nfinally:\n pass")) {
			PyException e = assertThrows(PyException.class, () -> interpreter.run(code), code);
			assertEquals("SyntaxError", e.type(), code);
		}
		assertEquals("IndentationError", assertThrows(PyException.class,
				() -> interpreter.run("try:\n    pass\n  x=1\nfinally:\n pass")).type());
		assertEquals("IndentationError", assertThrows(PyException.class, () -> interpreter.run("x=1\n  y=2")).type());
	}
}
