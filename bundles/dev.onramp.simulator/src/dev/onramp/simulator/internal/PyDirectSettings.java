/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * pyDirect's {@code lib/sys/settings.py} for one boot of the simulated board: defaults from
 * {@code /settings/default_settings.json} under user overrides from {@code /settings/user_settings.json}, both read
 * on first use; dotted keys walk nested dicts; a value of {@code None} falls through to the next layer; resolved
 * values are cached until {@link #set} changes that key; {@link #save()} writes the whole user dict back. A reset
 * starts a new instance, as the firmware's module singleton starts anew.
 */
public final class PyDirectSettings {

	static final String DEFAULTS_FILE = "settings/default_settings.json"; //$NON-NLS-1$
	static final String USER_FILE = "settings/user_settings.json"; //$NON-NLS-1$

	private final Path root;
	// guarded by this
	private Map<String, Object> defaults;
	private Map<String, Object> user;
	private final Map<String, Object> cache = new HashMap<>();

	public PyDirectSettings(Path root) {
		this.root = root;
	}

	/** Reads both files if this boot has not yet (settings.py's {@code _load}); unreadable files count as empty. */
	private void load() {
		if (user == null) {
			defaults = read(DEFAULTS_FILE);
			user = read(USER_FILE);
		}
	}

	private Map<String, Object> read(String file) {
		Path path = root.resolve(file);
		if (!Files.isRegularFile(path)) {
			return new LinkedHashMap<>();
		}
		try {
			return SettingsJson.parseObject(Files.readString(path, StandardCharsets.UTF_8));
		} catch (IOException | IllegalArgumentException e) {
			return new LinkedHashMap<>();
		}
	}

	/** @return the value for a dotted key: user, else defaults, else {@code fallback}; Python values */
	public synchronized Object get(String key, Object fallback) {
		Object value = peek(key, fallback);
		cache.put(key, value);
		return value;
	}

	/** @return what {@link #get} would answer, without touching the cache: for the simulator's own look-ups */
	public synchronized Object peek(String key, Object fallback) {
		load();
		if (cache.containsKey(key)) {
			return cache.get(key);
		}
		String[] parts = key.split("\\.", -1); //$NON-NLS-1$
		Object value = walk(user, parts);
		if (value == null) {
			value = walk(defaults, parts);
		}
		return value == null ? fallback : value;
	}

	private static Object walk(Object from, String[] parts) {
		Object value = from;
		for (String part : parts) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
			if (value == null || value == PyValues.NONE) {
				return null;
			}
		}
		return value;
	}

	/** Sets a dotted key in the user dict, creating the dicts on the way. */
	@SuppressWarnings("unchecked")
	public synchronized void set(String key, Object value) {
		load();
		String[] parts = key.split("\\.", -1); //$NON-NLS-1$
		Map<String, Object> parent = user;
		for (int i = 0; i < parts.length - 1; i++) {
			Object child = parent.get(parts[i]);
			if (child == null) {
				child = new LinkedHashMap<String, Object>();
				parent.put(parts[i], child);
			}
			if (!(child instanceof Map)) {
				// settings.py's setdefault hands back the non-dict, and item assignment on it fails
				throw PyValues.typeError("'" + PyValues.typeName(child) + "' object doesn't support item assignment"); //$NON-NLS-1$ //$NON-NLS-2$
			}
			parent = (Map<String, Object>) child;
		}
		parent.put(parts[parts.length - 1], value);
		cache.remove(key);
	}

	/**
	 * Writes the user dict as {@code json.dump} does.
	 *
	 * @return the error, as settings.py prints it, or {@code null} when saved
	 */
	public synchronized String save() {
		load();
		try {
			String json = SettingsJson.write(user);
			Path file = root.resolve(USER_FILE);
			Files.createDirectories(file.getParent());
			Files.writeString(file, json, StandardCharsets.UTF_8);
			return null;
		} catch (IOException e) {
			return "[Errno 5] EIO"; //$NON-NLS-1$
		} catch (PyException e) {
			return e.getMessage();
		}
	}

	/** Drops the cache and reads both files again. */
	public synchronized void reload() {
		cache.clear();
		user = null;
		load();
	}

	/** @return every leaf as a dotted key with its resolved value (defaults under user), for tests */
	public synchronized Map<String, Object> flattened() {
		load();
		Map<String, Object> result = new LinkedHashMap<>();
		flatten("", defaults, result); //$NON-NLS-1$
		flatten("", user, result); //$NON-NLS-1$
		return result;
	}

	private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = prefix + entry.getKey();
			if (entry.getValue() instanceof Map<?, ?> child) {
				flatten(key + ".", child, into); //$NON-NLS-1$
			} else if (entry.getValue() != PyValues.NONE) {
				into.put(key, entry.getValue());
			}
		}
	}
}
