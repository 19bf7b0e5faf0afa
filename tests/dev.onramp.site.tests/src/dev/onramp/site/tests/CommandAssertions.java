/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

/** What shared/CLI.md promises about a {@code --json} run: its exit code, and {@code ok} and {@code error} to match. */
final class CommandAssertions {

	private CommandAssertions() {
	}

	/** @return the run's JSON document, after checking that it succeeded */
	static JsonObject assertSucceeded(Installation.Run run) {
		assertEquals(0, run.exitCode(), run::toString);
		JsonObject document = run.json();
		assertTrue(document.get("ok").getAsBoolean(), run::toString);
		return document;
	}

	/** @return the run's JSON document, after checking its failure class and machine-readable reason */
	static JsonObject assertFailed(Installation.Run run, int exitCode, String reason) {
		assertEquals(exitCode, run.exitCode(), run::toString);
		JsonObject document = run.json();
		assertFalse(document.get("ok").getAsBoolean(), run::toString);
		JsonObject error = document.getAsJsonObject("error");
		assertEquals(exitCode, error.get("code").getAsInt(), run::toString);
		assertEquals(reason, error.get("reason").getAsString(), run::toString);
		assertFalse(error.get("message").getAsString().isBlank(), () -> "a sentence for the person: " + run);
		return document;
	}
}
