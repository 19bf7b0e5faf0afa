/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** What the probe found inside a started workbench. */
final class Findings {

	/** The bundles of "Onramp for the Eclipse IDE" (dev.onramp.ui.feature). */
	static final List<String> ONRAMP_BUNDLES = List.of("dev.onramp.core", "dev.onramp.serial", "dev.onramp.certs",
			"dev.onramp.discovery", "dev.onramp.provisioning", "dev.onramp.headless", "dev.onramp.ui");
	/** The bundles of the optional simulated devices (dev.onramp.simulator.feature). */
	static final List<String> SIMULATOR_BUNDLES = List.of("dev.onramp.simulator", "dev.onramp.simulator.ui");

	/** Started, or resolved and waiting for its first class load (lazy activation). */
	private static final Set<String> STARTED_OR_LAZY = Set.of("ACTIVE", "STARTING", "RESOLVED");

	private final Properties properties;
	private final String context;

	private Findings(Properties properties, String context) {
		this.properties = properties;
		this.context = context;
	}

	static Findings read(Path file, Processes.Result run) throws IOException {
		if (!Files.isRegularFile(file)) {
			fail("the probe wrote no findings; the workbench printed: " + run);
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		return new Findings(properties, properties + "\n" + run);
	}

	String get(String key) {
		return properties.getProperty(key);
	}

	/** The probe saw no failure, and the Device Explorer opened as itself (not as an error part) and is visible. */
	void assertDeviceExplorerOpen() {
		assertNull(get("error"), context);
		assertNull(get("view.error"), context);
		assertEquals("dev.onramp.ui.internal.views.DeviceExplorerView", get("view.class"), context);
		assertEquals("true", get("view.visible"), context);
	}

	/** Every named bundle is installed and resolved: active, or lazy and waiting for its first class load. */
	void assertResolved(List<String> bundles) {
		for (String bundle : bundles) {
			String state = get("bundle." + bundle);
			assertTrue(state != null && STARTED_OR_LAZY.contains(state.split(" ")[0]),
					bundle + " is resolved or active, not " + state + ":\n" + context);
		}
	}

	void assertAbsent(List<String> bundles) {
		for (String bundle : bundles) {
			assertNull(get("bundle." + bundle), bundle + " is not installed:\n" + context);
		}
	}
}
