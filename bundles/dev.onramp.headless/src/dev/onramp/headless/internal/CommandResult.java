/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.util.List;

import com.google.gson.JsonObject;

/**
 * What a successful command produced: the data for {@code --json} (merged into {@code {"ok": true, ...}}) and the
 * lines a person reads otherwise.
 */
public record CommandResult(JsonObject data, List<String> lines) {

	public CommandResult {
		lines = List.copyOf(lines);
	}
}
