/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** A service's remedy reaches the user with the command's options, the service's own hint first. */
class ServiceRemedyCommandTest {

	@Test
	void theCommandPrintsTheOptionsOfAServicesRemedy() throws Exception {
		CliHarness.Run run = CliHarness.run(Map.of("POP", "abcd1234"), "provision", "--endpoint", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				"127.0.0.1:not-a-port", "--pop-env", "POP", "--scan", "--json"); // fails before any lookup //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		JsonObject error = run.json().getAsJsonObject("error"); //$NON-NLS-1$
		assertEquals(2, run.exit(), run::toString);
		String hint = error.get("hint").getAsString(); //$NON-NLS-1$
		assertTrue(hint.startsWith("Give the device's address and port"), run::toString); //$NON-NLS-1$
		assertTrue(hint.endsWith("--endpoint HOST:PORT."), run::toString); //$NON-NLS-1$
	}
}
