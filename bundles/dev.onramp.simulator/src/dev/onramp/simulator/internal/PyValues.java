/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Values of the simulated interpreter: {@code None} is {@link #NONE}, bool {@link Boolean}, int {@link Long}, str
 * {@link String}, bytes {@link Bytes}, tuple {@link Tuple}, list {@link List}, callables {@link Function}; dict
 * {@link Map} and float {@link Double} only as settings values (read from JSON, printed); everything else a
 * {@link PyObject}.
 */
public final class PyValues {

	public static final Object NONE = new Object() {
		@Override
		public String toString() {
			return "None"; //$NON-NLS-1$
		}
	};

	private PyValues() {
	}

	/** Python bytes: immutable, compared by content. */
	public record Bytes(byte[] data) {
		@Override
		public boolean equals(Object obj) {
			return obj instanceof Bytes other && Arrays.equals(data, other.data);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(data);
		}

		@Override
		public String toString() {
			return repr(this);
		}
	}

	/** Python tuple. */
	public record Tuple(List<Object> items) {
	}

	/** A callable: positional and keyword arguments. */
	@FunctionalInterface
	public interface Function {
		Object call(List<Object> args, Map<String, Object> kwargs);
	}

	/** An object with attributes (modules, files, hash objects). */
	public interface PyObject {
		String typeName();

		/** @return the attribute, or {@code null} if there is none */
		Object attribute(String name);
	}

	public static String typeName(Object value) {
		if (value == NONE) {
			return "NoneType"; //$NON-NLS-1$
		}
		if (value instanceof Boolean) {
			return "bool"; //$NON-NLS-1$
		}
		if (value instanceof Long) {
			return "int"; //$NON-NLS-1$
		}
		if (value instanceof String) {
			return "str"; //$NON-NLS-1$
		}
		if (value instanceof Bytes) {
			return "bytes"; //$NON-NLS-1$
		}
		if (value instanceof Tuple) {
			return "tuple"; //$NON-NLS-1$
		}
		if (value instanceof List) {
			return "list"; //$NON-NLS-1$
		}
		if (value instanceof Map) {
			return "dict"; //$NON-NLS-1$
		}
		if (value instanceof Double) {
			return "float"; //$NON-NLS-1$
		}
		if (value instanceof PyObject o) {
			return o.typeName();
		}
		return "function"; //$NON-NLS-1$
	}

	public static String str(Object value) {
		if (value instanceof String s) {
			return s;
		}
		return repr(value);
	}

	public static String repr(Object value) {
		if (value == NONE) {
			return "None"; //$NON-NLS-1$
		}
		if (value instanceof Boolean b) {
			return b.booleanValue() ? "True" : "False"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (value instanceof Long l) {
			return l.toString();
		}
		if (value instanceof String s) {
			return quote(s.getBytes(StandardCharsets.UTF_8), "", true); //$NON-NLS-1$
		}
		if (value instanceof Bytes b) {
			return quote(b.data(), "b", false); //$NON-NLS-1$
		}
		if (value instanceof Tuple t) {
			StringBuilder sb = new StringBuilder("("); //$NON-NLS-1$
			for (int i = 0; i < t.items().size(); i++) {
				sb.append(i > 0 ? ", " : "").append(repr(t.items().get(i))); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return sb.append(t.items().size() == 1 ? ",)" : ")").toString(); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (value instanceof List<?> list) {
			StringBuilder sb = new StringBuilder("["); //$NON-NLS-1$
			for (int i = 0; i < list.size(); i++) {
				sb.append(i > 0 ? ", " : "").append(repr(list.get(i))); //$NON-NLS-1$ //$NON-NLS-2$
			}
			return sb.append(']').toString();
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder sb = new StringBuilder("{"); //$NON-NLS-1$
			String separator = ""; //$NON-NLS-1$
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				sb.append(separator).append(repr(entry.getKey())).append(": ").append(repr(entry.getValue())); //$NON-NLS-1$
				separator = ", "; //$NON-NLS-1$
			}
			return sb.append('}').toString();
		}
		if (value instanceof Double d) {
			return d.toString();
		}
		if (value instanceof PyObject o) {
			return "<" + o.typeName() + ">"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return "<function>"; //$NON-NLS-1$
	}

	/** Python's quoting: single quotes unless the text holds a single quote and no double quote. */
	private static String quote(byte[] data, String prefix, boolean text) {
		boolean hasSingle = false;
		boolean hasDouble = false;
		for (byte b : data) {
			hasSingle |= b == '\'';
			hasDouble |= b == '"';
		}
		char q = hasSingle && !hasDouble ? '"' : '\'';
		StringBuilder sb = new StringBuilder(prefix).append(q);
		if (text) {
			String s = new String(data, StandardCharsets.UTF_8);
			s.codePoints().forEach(c -> appendEscaped(sb, c, q, true));
		} else {
			for (byte b : data) {
				appendEscaped(sb, b & 0xff, q, false);
			}
		}
		return sb.append(q).toString();
	}

	private static void appendEscaped(StringBuilder sb, int c, char q, boolean text) {
		switch (c) {
		case '\\' -> sb.append("\\\\"); //$NON-NLS-1$
		case '\n' -> sb.append("\\n"); //$NON-NLS-1$
		case '\r' -> sb.append("\\r"); //$NON-NLS-1$
		case '\t' -> sb.append("\\t"); //$NON-NLS-1$
		default -> {
			if (c == q) {
				sb.append('\\').append(q);
			} else if (c >= 0x20 && c < 0x7f || text && c > 0x7f) {
				sb.appendCodePoint(c);
			} else {
				sb.append(String.format("\\x%02x", Integer.valueOf(c))); //$NON-NLS-1$
			}
		}
		}
	}

	public static boolean truthy(Object value) {
		if (value == NONE) {
			return false;
		}
		if (value instanceof Boolean b) {
			return b.booleanValue();
		}
		if (value instanceof Long l) {
			return l.longValue() != 0;
		}
		if (value instanceof String s) {
			return !s.isEmpty();
		}
		if (value instanceof Bytes b) {
			return b.data().length > 0;
		}
		if (value instanceof Tuple t) {
			return !t.items().isEmpty();
		}
		if (value instanceof List<?> l) {
			return !l.isEmpty();
		}
		if (value instanceof Map<?, ?> m) {
			return !m.isEmpty();
		}
		if (value instanceof Double d) {
			return d.doubleValue() != 0;
		}
		return true;
	}

	public static PyException typeError(String message) {
		return new PyException("TypeError", message); //$NON-NLS-1$
	}

	public static long asInt(Object value) {
		if (value instanceof Long l) {
			return l.longValue();
		}
		if (value instanceof Boolean b) {
			return b.booleanValue() ? 1 : 0;
		}
		throw typeError("can't convert " + typeName(value) + " to int"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	public static String asStr(Object value) {
		if (value instanceof String s) {
			return s;
		}
		throw typeError("expected str, got " + typeName(value)); //$NON-NLS-1$
	}

	/** @return the bytes of a bytes object or the UTF-8 of a str (as binascii accepts) */
	public static byte[] asBuffer(Object value) {
		if (value instanceof Bytes b) {
			return b.data();
		}
		if (value instanceof String s) {
			return s.getBytes(StandardCharsets.US_ASCII);
		}
		throw typeError("object with buffer protocol required"); //$NON-NLS-1$
	}
}
