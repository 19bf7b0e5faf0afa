/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.onramp.core.MacAddress;
import dev.onramp.provisioning.internal.improv.ImprovClient;
import dev.onramp.provisioning.internal.improv.ImprovFrame;

/** Reading ESP-IDF output and judging what a line carried, on text as real devices print it. */
class ConsoleTextTest {

	private static final String GREEN = "\u001B[0;32m";
	private static final String RESET = "\u001B[0m";

	@Test
	void thePromptIsFoundAfterAColouredBootLog() {
		assertEquals(Optional.of("esp32>"), prompt(GREEN + "I (312) app_init: Project name:     console" + RESET
				+ "\r\n\r\nType 'help' to get the list of commands.\r\nesp32> "));
	}

	@Test
	void promptsAreAWordAndAnAngleBracketMicroPythonsAreNot() {
		assertEquals(Optional.of("[esp32]>"), prompt("\r\n[esp32]> "));
		assertEquals(Optional.of("esp32s3>"), prompt("esp32s3> "));
		assertEquals(Optional.empty(), prompt("MicroPython v1.24.1 on 2024-11-29; ESP32\r\nType \"help()\".\r\n>>> "));
		assertEquals(Optional.empty(), prompt("raw REPL; CTRL-B to exit\r\n>"));
	}

	@Test
	void aPromptIsWhereTheConsoleWaitsOnlyALogLineMayFollowIt() {
		assertEquals(Optional.of("esp32>"), prompt("\r\nesp32> " + GREEN + "I (5000) wifi: connected" + RESET + "\r\n"),
				"another task logged after the prompt");
		assertEquals(Optional.empty(), prompt("\r\nstatus> ok\r\n"), "text after it: a line that only looks like one");
		assertEquals(Optional.empty(), prompt("\r\nI (312) tag: value> "), "a log line is no prompt");
	}

	@Test
	void helpGivesTheCommandNamesNotTheirDescriptionsOrArguments() {
		String help = "help  [<string>] [-v <0|1>]\n  Print the summary of all registered commands if no arguments are given,\n"
				+ "  otherwise print summary of given command.\n      <string>  Name of command\n\n"
				+ "free \n  Get the current size of free heap memory\n\nversion \n  Get version of chip and SDK\n\n"
				+ "log_level  <tag|*> <none|error|warn|debug|verbose>\n  Set log level for all tags or a specific tag.\n\n";
		assertEquals(List.of("help", "free", "version", "log_level"), ConsoleText.commands(help));
	}

	@Test
	void versionFieldsSurviveTheDoubledCarriageReturnsAndTabs() {
		Map<String, String> fields = ConsoleText.fields(ConsoleText.clean("IDF Version:v5.5\r\r\nChip info:\r\r\n"
				+ "\tmodel:ESP32-S3\r\r\n\tcores:2\r\r\n\tfeature:/802.11bgn/BLE/External-Flash:8 MB\r\r\n"
				+ "\trevision number:0\r\r\n"));
		assertEquals("v5.5", fields.get("idf version"));
		assertEquals("ESP32-S3", fields.get("model"));
		assertEquals("2", fields.get("cores"));
		assertEquals("/802.11bgn/BLE/External-Flash:8 MB", fields.get("feature"));
		assertEquals("0", fields.get("revision number"));
		assertFalse(fields.containsKey("chip info"), "a heading without a value is no field");
	}

	@Test
	void theBootLogGivesTheApplicationAndTheStationMac() {
		String boot = ConsoleText.clean(GREEN + "I (337) app_init: Project name:     console" + RESET + "\r\n" + GREEN
				+ "I (340) app_init: App version:      1.0" + RESET + "\r\nI (345) app_init: ESP-IDF:          v5.5\r\n"
				+ GREEN + "I (588) wifi:mode : sta (24:0A:C4:5E:11:02)" + RESET + "\r\n");
		assertEquals(Optional.of("console"), ConsoleText.bootLogValue(boot, "Project name"));
		assertEquals(Optional.of("1.0"), ConsoleText.bootLogValue(boot, "App version"));
		assertEquals(Optional.of("v5.5"), ConsoleText.bootLogValue(boot, "ESP-IDF"));
		assertEquals(Optional.of(MacAddress.parse("24:0a:c4:5e:11:02")), ConsoleText.stationMac(boot));
		assertEquals(Optional.empty(), ConsoleText.stationMac("I (345) app_init: ESP-IDF:          v5.5\n"));
	}

	@Test
	void randomBytesAreGarbageAConsoleEchoingAnImprovFrameIsNot() {
		byte[] noise = new byte[240];
		new Random(7).nextBytes(noise);
		assertTrue(LineEvidence.of(noise).garbage());
		assertFalse(LineEvidence.of(noise).silent());

		byte[] frame = ImprovFrame.rpc(ImprovClient.RPC_DEVICE_INFO, new byte[0]).encode();
		String echoed = new String(frame, StandardCharsets.ISO_8859_1).replace("\n", "\r\n")
				+ "Unrecognized command\r\nesp32> ";
		LineEvidence console = LineEvidence.of(echoed.getBytes(StandardCharsets.ISO_8859_1));
		assertFalse(console.garbage(), "a few control bytes in text");
		assertEquals(LineEvidence.Hint.ESP_IDF_CONSOLE, console.hint());
		assertTrue(console.waitsForInput());
		assertTrue(LineEvidence.of(new byte[0]).silent());
	}

	@Test
	void theLatestSignDecidesWhatToTryNext() {
		assertEquals(LineEvidence.Hint.MICROPYTHON, hint("Unrecognized command\r\nesp32> \r\nets Jul 29 2019\r\nMicroPython v1.24.1\r\n>>> "));
		assertEquals(LineEvidence.Hint.ESP_IDF_CONSOLE, hint(">>> \r\nets Jul 29 2019\r\nUnrecognized command\r\n"));
		assertEquals(LineEvidence.Hint.NONE, hint("main.py: app running, tick 3\r\n"));
		assertEquals("main.py: app running, tick 3", LineEvidence.of(bytes("main.py: app running, tick 3\r\n\r\n")).lastLine());
	}

	private static Optional<String> prompt(String raw) {
		return ConsoleText.lastPrompt(ConsoleText.clean(raw)).map(ConsoleText.PromptAt::prompt);
	}

	private static LineEvidence.Hint hint(String text) {
		return LineEvidence.of(bytes(text)).hint();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}
}
