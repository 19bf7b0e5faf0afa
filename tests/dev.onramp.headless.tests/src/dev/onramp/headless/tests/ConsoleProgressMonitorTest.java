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

import org.eclipse.core.runtime.IProgressMonitor;
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
		assertTrue(text.endsWith("\r\u001B[2K"), "done takes the bar off the line, for the result to start clean");
	}

	@Test
	void aTaskOfUnknownLengthShowsItsElapsedTimeNotAnEmptyBar() {
		ConsoleProgressMonitor monitor = monitor(Map.of("ONRAMP_STDERR_TTY", "1"));
		monitor.beginTask("Provisioning", IProgressMonitor.UNKNOWN);
		monitor.subTask("Waiting for Wi-Fi");
		String text = err.toString(StandardCharsets.UTF_8);
		assertTrue(text.matches("(?s).*\\[ +\\d+\\.\\d s +\\] Provisioning: Waiting for Wi-Fi$"), text);
	}

	@Test
	void messagesOfTheCommandTakeTheBarOffTheLineFirst() {
		ConsoleProgressMonitor monitor = monitor(Map.of("ONRAMP_STDERR_TTY", "1"));
		monitor.beginTask("Scanning", 2);
		monitor.messages().println("Networks the device sees:");
		monitor.worked(1);
		String text = err.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("Scanning\r\u001B[2KNetworks the device sees:" + System.lineSeparator() + "\r"), text);
		assertTrue(text.endsWith("]  50% Scanning"), "the bar comes back after the message: " + text);
	}

	@Test
	void messagesAreUntouchedWhenStderrIsNotATerminal() {
		ConsoleProgressMonitor monitor = monitor(Map.of());
		monitor.beginTask("Scanning", 2);
		monitor.messages().println("Networks the device sees:");
		assertEquals("onramp: Scanning\nNetworks the device sees:\n",
				err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
	}

	@Test
	void onANarrowTerminalTheStepStaysVisibleAndTheTaskIsShortened() {
		ConsoleProgressMonitor monitor = monitor(Map.of("ONRAMP_STDERR_TTY", "1", "COLUMNS", "80"));
		monitor.beginTask("Identifying the device on /tmp/a-rather-long-folder-name/with/more/folders/ttyUSB0", 4);
		monitor.subTask("Press RESET on the board");
		monitor.worked(1);
		String text = err.toString(StandardCharsets.UTF_8);
		String last = text.substring(text.lastIndexOf("\u001B[2K") + 4);
		assertTrue(last.endsWith("Press RESET on the board"), last);
		assertTrue(last.contains("Identifying the\u2026") || last.contains("Identifying the d"), last);
		assertTrue(last.length() <= 80, last.length() + ": " + last);
	}
}
