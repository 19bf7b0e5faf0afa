/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.onramp.fuzz.Decoding;

/** Manifests the fuzzer found costly, now read in linear time and memory. */
class FleetManifestFindingsTest {

	@Test
	void quotesInsideACellCostNoCopyEach() throws Exception {
		// was: every unquoted '"' copied the cell so far (cell.toString().isBlank()): a 10 KB line of a"a"a"...
		// allocated about 21 MB, quadratic in the line's length
		String line = "a\"".repeat(20_000); //$NON-NLS-1$
		Decoding.Outcome outcome = Decoding.check("fleet.manifest", line.length(), () -> FleetManifest.split(line, 2)); //$NON-NLS-1$
		assertTrue(outcome.allocatedBytes() < 64L * line.length(), outcome.allocatedBytes() + " bytes allocated"); //$NON-NLS-1$
		assertEquals(List.of(line), outcome.value());
	}

	@Test
	void quotingRulesAreUnchanged() throws Exception {
		assertEquals(List.of("board, one", " x ", "say \"hi\"", ""), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				FleetManifest.split("\"board, one\", x ,  \"say \"\"hi\"\"\",", 1)); //$NON-NLS-1$
	}
}
