/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.util.Map;
import java.util.function.Supplier;

import dev.onramp.simulator.internal.PyValues.Function;

/**
 * The functions of pyDirect's {@code lib.sys.settings} module: {@code get(key, default=None)}, {@code set(key, value)},
 * {@code save()} (prints {@code [settings] Error saving: ...} and returns {@code False} when it fails) and
 * {@code reload()}, delegating to the boot's {@link PyDirectSettings}.
 */
final class SettingsModule {

	private SettingsModule() {
	}

	static void addTo(Map<String, Object> module, Supplier<PyDirectSettings> settings, StringBuilder out) {
		module.put("get", (Function) (args, kw) -> { //$NON-NLS-1$
			Object fallback = args.size() > 1 ? args.get(1) : kw.getOrDefault("default", PyValues.NONE); //$NON-NLS-1$
			return settings.get().get(PyValues.asStr(DeviceRuntime.arg(args, 0)), fallback);
		});
		module.put("set", (Function) (args, kw) -> { //$NON-NLS-1$
			settings.get().set(PyValues.asStr(DeviceRuntime.arg(args, 0)), DeviceRuntime.arg(args, 1));
			return PyValues.NONE;
		});
		module.put("save", (Function) (args, kw) -> { //$NON-NLS-1$
			String error = settings.get().save();
			if (error == null) {
				return Boolean.TRUE;
			}
			out.append("[settings] Error saving: ").append(error).append("\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
			return Boolean.FALSE;
		});
		module.put("reload", (Function) (args, kw) -> { //$NON-NLS-1$
			settings.get().reload();
			return PyValues.NONE;
		});
	}
}
