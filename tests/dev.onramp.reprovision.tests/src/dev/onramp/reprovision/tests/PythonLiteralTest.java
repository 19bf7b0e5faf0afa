/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.reprovision.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.PythonLiteral;

class PythonLiteralTest {

	@Test
	void readsAScanResult() {
		Object value = PythonLiteral.parse(
				"[(b'lab \\xc3\\xa9', b'$\\n\\xc4\\x00\\x00\\x01', 6, -48, 3, False), (b\"it's\", b'', 11, -70, 0, True)]");
		List<?> list = assertInstanceOf(List.class, value);
		assertEquals(2, list.size());
		List<?> first = assertInstanceOf(List.class, list.get(0));
		assertEquals("lab \u00e9", new String((byte[]) first.get(0), StandardCharsets.UTF_8));
		assertEquals(6L, first.get(2));
		assertEquals(-48L, first.get(3));
		assertEquals(Boolean.FALSE, first.get(5));
		assertEquals("it's", new String((byte[]) ((List<?>) list.get(1)).get(0), StandardCharsets.UTF_8));
	}

	@Test
	void readsStringsNoneAndEmptySequences() {
		assertEquals("a'b\\", PythonLiteral.parse("'a\\'b\\\\'"));
		assertEquals(null, PythonLiteral.parse("None"));
		assertTrue(((List<?>) PythonLiteral.parse("()")).isEmpty());
		assertFalse(((List<?>) PythonLiteral.parse("[1,]")).isEmpty());
	}

	@Test
	void rejectsWhatIsNotALiteral() {
		assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("Traceback (most recent call last)"));
		assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("[1, 2"));
	}
}
