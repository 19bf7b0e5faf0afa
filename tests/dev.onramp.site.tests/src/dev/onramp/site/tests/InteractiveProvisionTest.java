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

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * {@code onramp provision} at a terminal, without {@code --ssid}: the product (a separate process on a real
 * pseudo-terminal) lists the networks the simulated device sees, the user picks one by number and types the password,
 * which the terminal never shows; a rejected password can be typed again.
 */
class InteractiveProvisionTest {

	private static final String SSID = "Workshop";

	@TempDir
	Path dataDirectory;

	private final Installation product = Installation.builtProduct();

	@Test
	void theUserPicksANetworkAndTypesThePasswordWhichIsNeverShown() throws Exception {
		String pop = "pop-" + UUID.randomUUID();
		String password = "pw-" + UUID.randomUUID();
		String mistyped = "mistyped-" + UUID.randomUUID();
		try (SimulatedProtocommDevice device = SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
				.security(2).pop(pop).network(SSID, password).extraVisibleNetworks(3).build());
				TerminalSession terminal = TerminalSession.start(
						product.command("provision", "--endpoint", device.endpoint(), "--pop-env", "TEST_POP",
								"--data-dir", dataDirectory.toString()),
						Map.of("TEST_POP", pop, "ONRAMP_STDIN_TTY", "1", "ONRAMP_STDERR_TTY", "1"))) {

			Matcher listed = terminal.awaitScreen("(\\d+)\\) " + SSID + "\\s");
			terminal.awaitScreen("Network \\[1-\\d+\\]: ");
			terminal.type(listed.group(1));
			terminal.awaitScreen("Password for \"" + SSID + "\"");
			terminal.type(mistyped);
			terminal.awaitScreen("rejected the password");
			terminal.awaitScreen("Type it again to retry");
			terminal.type(password);
			int exitCode = terminal.awaitExit();

			String screen = terminal.screen();
			assertEquals(0, exitCode, screen);
			assertEquals(SSID, device.lastReceivedSsid());
			assertTrue(screen.contains("\r\u001B[2KThe device joined \"" + SSID + "\""),
					"the result starts on a line of its own, the progress bar taken off first:\n" + screen);
			assertTrue(screen.contains("\r\u001B[2KNetworks the device sees:"), "prompts too:\n" + screen);
			for (String secret : new String[] { pop, password, mistyped }) {
				assertFalse(screen.contains(secret), "the terminal never shows a secret:\n" + screen);
			}
		}
	}
}
