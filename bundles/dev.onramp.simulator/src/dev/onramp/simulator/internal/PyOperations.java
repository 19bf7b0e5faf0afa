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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.onramp.simulator.internal.Interpreter.Node;
import dev.onramp.simulator.internal.PyValues.Bytes;
import dev.onramp.simulator.internal.PyValues.PyObject;
import dev.onramp.simulator.internal.PyValues.Tuple;

/**
 * What the parsed closures do to {@link PyValues} at run time: {@code +}, attribute access, calls, subscripts, and
 * the {@code TypeError}, {@code AttributeError}, {@code IndexError} and {@code NameError} MicroPython raises when they
 * do not apply.
 */
final class PyOperations {

	private PyOperations() {
	}

	static Object add(Object a, Object b) {
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

	static PyException nameError(String name) {
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

	/** Calls {@code callee}; the arguments are evaluated, in order, only once it is known to be callable. */
	static Object call(Object callee, List<Node> argNodes, Map<String, Node> kwargNodes) {
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

	static Object subscript(Object target, Object index) {
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

	/**
	 * {@code target[start:stop]} of a {@code bytes}, {@code str}, list or tuple: bounds out of range are clamped and a
	 * negative one counts from the end, as in Python; {@code null} is a bound left out.
	 */
	static Object slice(Object target, Object start, Object stop) {
		int size;
		if (target instanceof Bytes b) {
			size = b.data().length;
		} else if (target instanceof String text) {
			size = text.length();
		} else if (target instanceof Tuple t) {
			size = t.items().size();
		} else if (target instanceof List<?> l) {
			size = l.size();
		} else {
			throw PyValues.typeError("'" + PyValues.typeName(target) + "' object isn't subscriptable"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		int from = start == null ? 0 : clamp(PyValues.asInt(start), size);
		int to = Math.max(from, stop == null ? size : clamp(PyValues.asInt(stop), size));
		if (target instanceof Bytes b) {
			return new Bytes(Arrays.copyOfRange(b.data(), from, to));
		}
		if (target instanceof String text) {
			return text.substring(from, to);
		}
		if (target instanceof Tuple t) {
			return new Tuple(List.copyOf(t.items().subList(from, to)));
		}
		return new ArrayList<>(((List<?>) target).subList(from, to));
	}

	private static int clamp(long bound, int size) {
		long at = bound < 0 ? bound + size : bound;
		return (int) Math.max(0, Math.min(size, at));
	}

	/** @return {@code index} counted from the front; negative ones count from the end, like Python */
	private static long normalize(long index, int size) {
		long i = index < 0 ? index + size : index;
		if (i < 0 || i >= size) {
			throw new PyException("IndexError", "index out of range"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return i;
	}
}
