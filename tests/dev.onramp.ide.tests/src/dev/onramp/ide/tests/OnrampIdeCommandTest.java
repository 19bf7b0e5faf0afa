/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ide.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code ./onramp ide} as a user runs it: it installs Onramp and the simulated devices into the assembled IDE (the
 * build made both already), starts the workbench on a workspace under the data directory, and the Device Explorer
 * opens in it; the probe takes the screenshot.
 */
class OnrampIdeCommandTest {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	@Test
	void onrampIdeStartsTheWorkbenchWithOnrampAndTheSimulatedDevices() throws Exception {
		Path work = InstalledIdeTest.work("onramp-ide");
		Path root = Path.of(System.getProperty("onramp.root", "missing"));
		Path result = work.resolve("probe.properties");
		Path screenshot = InstalledIdeTest.screenshots().resolve("onramp-ide.png");
		Files.deleteIfExists(screenshot);
		Path data = work.resolve("data");
		Map<String, String> environment = Map.of("ONRAMP_IDE_HOME", work.resolve("eclipse").toString(),
				"ONRAMP_DATA_DIR", data.toString(), "XDG_CONFIG_HOME", work.resolve("config").toString(),
				"ONRAMP_JAVA_OPTS", String.join(" ", "-D" + Ide.PROBE_RESULT + "=" + result,
						"-D" + Ide.PROBE_SCREENSHOT + "=" + screenshot, "-D" + Ide.PROBE_EXIT + "=true",
						"-Ddev.onramp.discovery.interfaces=lo"));

		Processes.Result run = Processes.run(List.of(root.resolve("onramp").toString(), "ide"), work, environment,
				Duration.ofMinutes(5));
		assertEquals(0, run.exitCode(), "./onramp ide: " + run);

		Findings findings = Findings.read(result, run);
		findings.assertDeviceExplorerOpen();
		findings.assertResolved(Findings.ONRAMP_BUNDLES);
		findings.assertResolved(Findings.SIMULATOR_BUNDLES);
		assertTrue(Files.isDirectory(data.resolve("workspace/.metadata")),
				"a workspace of its own under the data directory: " + run);
		assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the workbench: " + screenshot);
		assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(screenshot), PNG_SIGNATURE.length));
	}
}
