/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.IReplSession;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;

/**
 * {@code resetAndClose} returns only once the board has reset, so that whoever checks the board next (the
 * re-provision's certificate check) cannot meet its pre-reset web server. The raw REPL's OK comes before the reset
 * snippet runs: returning at the OK left a window in which the old server still answered with the old certificate
 * (the once-flaky {@code ReplWifiAndCanaryTest.secretsNeverAppearInTheCommandsOutput}, exit 8).
 */
class ResetAndCloseTest {

	@Test
	void theBoardHasResetWhenResetAndCloseReturns() throws Exception {
		for (boolean keepsLine : new boolean[] { true, false }) {
			try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
					.withTemporaryFlash(SimulatorOptions.pyDirectDefaults().withResetKeepingTheLine(keepsLine))) {
				for (int i = 1; i <= 10; i++) {
					IReplSession session = Simulators.connect(device);
					int before = device.hardResets();
					session.resetAndClose();
					assertEquals(before + 1, device.hardResets(), "reset " + i + ", the line kept: " + keepsLine);
					assertFalse(session.isOpen());
				}
				assertTrue(device.hardResets() >= 10);
			}
		}
	}
}
