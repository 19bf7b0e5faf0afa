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

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import dev.onramp.simulator.internal.PyValues.Tuple;

/**
 * JSON as MicroPython's {@code json} module reads and writes it for the settings files: objects become dicts
 * (insertion order), integers {@code int}, other numbers {@code float}, {@code null} {@code None}; output uses the
 * separators {@code ", "} and {@code ": "}, as {@code json.dump} does.
 */
final class SettingsJson {

	private static final Gson STRINGS = new GsonBuilder().disableHtmlEscaping().create();

	private SettingsJson() {
	}

	/** @throws IllegalArgumentException when the text is not a JSON object */
	static Map<String, Object> parseObject(String text) {
		try {
			JsonElement element = JsonParser.parseString(text);
			if (!element.isJsonObject()) {
				throw new IllegalArgumentException("Not a JSON object"); //$NON-NLS-1$
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) toPython(element);
			return map;
		} catch (JsonParseException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	private static Object toPython(JsonElement element) {
		if (element.isJsonNull()) {
			return PyValues.NONE;
		}
		if (element.isJsonObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), toPython(e.getValue())));
			return map;
		}
		if (element.isJsonArray()) {
			List<Object> list = new ArrayList<>();
			element.getAsJsonArray().forEach(e -> list.add(toPython(e)));
			return list;
		}
		JsonPrimitive primitive = element.getAsJsonPrimitive();
		if (primitive.isBoolean()) {
			return Boolean.valueOf(primitive.getAsBoolean());
		}
		if (primitive.isNumber()) {
			String number = primitive.getAsString();
			boolean integral = number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0;
			return integral ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
		}
		return primitive.getAsString();
	}

	/** @throws PyException a {@code TypeError} for a value JSON cannot hold */
	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == PyValues.NONE) {
			out.append("null"); //$NON-NLS-1$
		} else if (value instanceof Boolean b) {
			out.append(b.booleanValue() ? "true" : "false"); //$NON-NLS-1$ //$NON-NLS-2$
		} else if (value instanceof Long || value instanceof Double) {
			out.append(value);
		} else if (value instanceof String s) {
			out.append(STRINGS.toJson(s));
		} else if (value instanceof Map<?, ?> map) {
			out.append('{');
			String separator = ""; //$NON-NLS-1$
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(separator).append(STRINGS.toJson(String.valueOf(entry.getKey()))).append(": "); //$NON-NLS-1$
				write(entry.getValue(), out);
				separator = ", "; //$NON-NLS-1$
			}
			out.append('}');
		} else if (value instanceof List<?> || value instanceof Tuple) {
			List<?> items = value instanceof Tuple t ? t.items() : (List<?>) value;
			out.append('[');
			for (int i = 0; i < items.size(); i++) {
				out.append(i > 0 ? ", " : ""); //$NON-NLS-1$ //$NON-NLS-2$
				write(items.get(i), out);
			}
			out.append(']');
		} else {
			throw PyValues.typeError("can't convert " + PyValues.typeName(value) + " to json"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
