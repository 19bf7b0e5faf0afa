/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.io.PrintStream;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import dev.onramp.core.OnrampException;

/**
 * Prints the outcome of a command: exactly one JSON document on stdout with {@code --json}, readable lines
 * otherwise. Failures go to stderr in text mode, and into the JSON document in JSON mode.
 */
final class ResultPrinter {

	private final PrintStream out;
	private final PrintStream err;
	private final boolean json;

	ResultPrinter(PrintStream out, PrintStream err, boolean json) {
		this.out = out;
		this.err = err;
		this.json = json;
	}

	void success(CommandResult result) {
		if (json) {
			JsonObject document = new JsonObject();
			document.addProperty("ok", Boolean.TRUE); //$NON-NLS-1$
			for (Map.Entry<String, com.google.gson.JsonElement> entry : result.data().entrySet()) {
				document.add(entry.getKey(), entry.getValue());
			}
			print(document);
		} else {
			result.lines().forEach(out::println);
			out.flush();
		}
	}

	void failure(OnrampException failure) {
		if (json) {
			JsonObject error = new JsonObject();
			error.addProperty("code", Integer.valueOf(failure.reason().exitCode())); //$NON-NLS-1$
			error.addProperty("reason", failure.reason().key()); //$NON-NLS-1$
			error.addProperty("message", failure.getMessage()); //$NON-NLS-1$
			RemedyOptions.hint(failure).ifPresent(hint -> error.addProperty("hint", hint)); //$NON-NLS-1$
			JsonObject document = new JsonObject();
			document.addProperty("ok", Boolean.FALSE); //$NON-NLS-1$
			if (failure instanceof CommandFailure withData) {
				withData.data().entrySet().forEach(entry -> document.add(entry.getKey(), entry.getValue()));
			}
			document.add("error", error); //$NON-NLS-1$
			print(document);
		} else {
			if (failure instanceof CommandFailure withData) {
				withData.lines().forEach(out::println);
				out.flush();
			}
			err.println("onramp: " + failure.getMessage()); //$NON-NLS-1$
			RemedyOptions.hint(failure).ifPresent(hint -> err.println("onramp: " + hint)); //$NON-NLS-1$
			err.flush();
		}
	}

	/** Plain text that is not a command result (help, version); in JSON mode wrapped as {@code text}. */
	void text(String text, String jsonKey, JsonObject jsonData) {
		if (json) {
			JsonObject document = new JsonObject();
			document.addProperty("ok", Boolean.TRUE); //$NON-NLS-1$
			document.add(jsonKey, jsonData);
			print(document);
		} else {
			out.print(text);
			out.flush();
		}
	}

	private void print(JsonObject document) {
		out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(document));
		out.flush();
	}
}
