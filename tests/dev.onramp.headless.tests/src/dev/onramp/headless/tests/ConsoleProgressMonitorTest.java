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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.onramp.headless.internal.ConsoleProgressMonitor;
import dev.onramp.headless.internal.Terminal;

class ConsoleProgressMonitorTest {

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private ConsoleProgressMonitor monitor(Map<String, String> environment) {
		return new ConsoleProgressMonitor(new PrintStream(err, true, StandardCharsets.UTF_8),
				Terminal.from(environment));
	}

	@Test
	void plainLinesWhenStderrIsNotATerminal() {
		ConsoleProgressMonitor monitor = monitor(Map.of());
		monitor.beginTask("Provisioning", 3);
		monitor.subTask("Establishing session");
		monitor.worked(1);
		monitor.subTask("Establishing session");
		monitor.subTask("Sending Wi-Fi credentials");
		monitor.done();
		assertEquals("""
				onramp: Provisioning
				onramp: Provisioning: Establishing session
				onramp: Provisioning: Sending Wi-Fi credentials
				""", err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
	}

	@Test
	void aBarRedrawnInPlaceOnATerminal() {
		ConsoleProgressMonitor monitor = monitor(Map.of("ONRAMP_STDERR_TTY", "1", "COLUMNS", "100"));
		monitor.beginTask("Uploading", 4);
		monitor.worked(2);
		monitor.done();
		String text = err.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("\r"), "redraws in place");
		assertTrue(text.contains("[############            ]  50%"), text);
		assertTrue(text.endsWith("\n"), "done ends the line");
	}
}
