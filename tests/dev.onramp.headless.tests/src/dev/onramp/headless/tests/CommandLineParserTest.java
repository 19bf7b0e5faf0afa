/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandLineParser;

class CommandLineParserTest {

	private final CommandLineParser parser = new CommandLineParser();

	private CommandLine parse(String... args) throws OnrampException {
		return parser.parse(args);
	}

	private OnrampException usageError(String... args) {
		OnrampException failure = assertThrows(OnrampException.class, () -> parser.parse(args));
		assertEquals(FailureReason.USAGE, failure.reason());
		assertTrue(failure.hint().orElseThrow().contains("--help"), failure.hint().orElseThrow());
		return failure;
	}

	@Test
	void theSeedsFormWorksAsWritten() throws OnrampException {
		CommandLine line = parse("provision", "abcd1234");
		assertEquals("provision", line.command().orElseThrow().name());
		assertEquals(List.of("abcd1234"), line.arguments());
		assertFalse(line.json());
	}

	@Test
	void globalOptionsMayStandAnywhere() throws OnrampException {
		CommandLine before = parse("--json", "--data-dir", "/tmp/x", "ports");
		CommandLine after = parse("ports", "--verbose", "--data-dir=/tmp/x", "--json");
		assertTrue(before.json() && after.json() && after.verbose());
		assertEquals(Optional.of(Path.of("/tmp/x")), before.dataDirectory());
		assertEquals(before.dataDirectory(), after.dataDirectory());
	}

	@Test
	void optionValuesInBothForms() throws OnrampException {
		CommandLine line = parse("provision", "--endpoint", "127.0.0.1:8080", "--sec=2", "--pop-env", "POP");
		assertEquals(Optional.of("127.0.0.1:8080"), line.value("endpoint"));
		assertEquals(Optional.of("2"), line.value("sec"));
		assertEquals(Optional.of("POP"), line.value("pop-env"));
		assertTrue(line.arguments().isEmpty());
	}

	@Test
	void repeatableOptionsCollectEveryValue() throws OnrampException {
		CommandLine line = parse("reprovision", "--port", "/dev/ttyACM0", "--ip", "192.168.1.20", "--ip", "fe80::1");
		assertEquals(List.of("192.168.1.20", "fe80::1"), line.values("ip"));
		usageError("reprovision", "--port", "a", "--port", "b");
	}

	@Test
	void flagsTakeNoValue() throws OnrampException {
		assertTrue(parse("provision", "--scan").has("scan"));
		usageError("provision", "--scan=yes");
	}

	@Test
	void requiredOptionsAndArgumentCountsAreChecked() {
		assertTrue(usageError("info").getMessage().contains("--port P"));
		assertTrue(usageError("verify").getMessage().contains("<https-url>"));
		usageError("ca", "destroy");
		usageError("provision", "--endpoint");
	}

	@Test
	void helpAndVersionSkipTheChecks() throws OnrampException {
		assertTrue(parse("info", "--help").help());
		assertTrue(parse("--version").version());
		assertTrue(parse().command().isEmpty());
	}

	@Test
	void unknownCommandsAndOptionsAreUsageErrors() {
		OnrampException unknown = assertThrows(OnrampException.class, () -> parser.parse(new String[] { "flash" }));
		assertEquals(FailureReason.USAGE, unknown.reason());
		assertTrue(unknown.getMessage().contains("flash"));
		assertTrue(usageError("ports", "--baud", "9600").getMessage().contains("--baud"));
	}

	/** A mistyped secret must not come back in an error message that CI logs keep. */
	@Test
	void errorsNeverEchoValuesThatMayBeSecrets() {
		assertFalse(usageError("provision", "--password=hunter22").getMessage().contains("hunter22"));
		assertFalse(usageError("provision", "pop1", "hunter22").getMessage().contains("hunter22"));
		assertFalse(usageError("change-wifi", "--port", "p", "--wifi-password", "hunter22").getMessage()
				.contains("hunter22"));
	}

	@Test
	void doubleDashEndsOptions() throws OnrampException {
		CommandLine line = parse("provision", "--", "--strange-pop");
		assertEquals(List.of("--strange-pop"), line.arguments());
	}
}
