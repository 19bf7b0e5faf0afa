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

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * A failure that still has results to show, such as the certificate a device served when it was not the expected
 * one: the data goes into the JSON document beside {@code "ok": false}, the lines to stdout before the error.
 */
public class CommandFailure extends OnrampException {

	private static final long serialVersionUID = 1L;

	private final transient JsonObject data;
	private final List<String> lines;

	public CommandFailure(FailureReason reason, String message, String hint, JsonObject data, List<String> lines) {
		super(reason, message, hint);
		this.data = data;
		this.lines = List.copyOf(lines);
	}

	/** @return the command's failure for a service's, with its data and remedy */
	public static CommandFailure of(OnrampException cause, JsonObject data, List<String> lines) {
		return of(cause, cause.getMessage(), data, lines);
	}

	/** @return the command's failure for a service's, in its own words, with its data and remedy */
	public static CommandFailure of(OnrampException cause, String message, JsonObject data, List<String> lines) {
		CommandFailure failure = new CommandFailure(cause.reason(), message, cause.hint().orElse(null), data, lines);
		cause.remedy().ifPresent(failure::withRemedy);
		return failure;
	}

	public JsonObject data() {
		return data;
	}

	public List<String> lines() {
		return lines;
	}
}
