/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.onramp.core.MacAddress;

/**
 * Reading what an ESP-IDF application prints: log lines ({@code I (1234) tag: message}, often in ANSI colours), the
 * {@code esp_console} prompt, the output of its {@code help} and {@code version} commands, and the boot log.
 */
final class ConsoleText {

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]"); //$NON-NLS-1$
	private static final Pattern LOG_LINE = Pattern.compile("^[EWIDV] \\(\\d+\\) [^:\\n]+:", Pattern.MULTILINE); //$NON-NLS-1$
	/**
	 * A prompt is a word and {@code "> "} at the start of a line ({@code esp32> }, {@code [esp32]> }); the console
	 * waits after it, so only the end of the output or a log line another task printed may follow. MicroPython's
	 * {@code >>> } is no word.
	 */
	private static final Pattern PROMPT = Pattern.compile("(?:\\A|\\n)([\\w.\\-\\[\\]]{1,32}>) (?=\\z|[EWIDV] \\(\\d+\\) )"); //$NON-NLS-1$
	private static final Pattern COMMAND = Pattern.compile("([\\w.\\-]+)(?:\\s|$)"); //$NON-NLS-1$
	private static final Pattern STATION_MAC = Pattern
			.compile("wifi:\\s*mode\\s*:\\s*sta\\s*\\(([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})\\)"); //$NON-NLS-1$

	private ConsoleText() {
	}

	/** @return the bytes as text, one character per byte (ISO-8859-1), so no byte is lost or merged */
	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/** @return the text without ANSI escape sequences and carriage returns: lines end in {@code \n} */
	static String clean(String raw) {
		return ANSI.matcher(raw).replaceAll("").replace("\r", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** @return the last prompt in clean text */
	static Optional<PromptAt> lastPrompt(String clean) {
		Matcher matcher = PROMPT.matcher(clean);
		PromptAt last = null;
		while (matcher.find()) {
			last = new PromptAt(matcher.group(1), matcher.start(), matcher.end());
		}
		return Optional.ofNullable(last);
	}

	/** Where a prompt stands in the text: {@code start} is the newline before it (or 0). */
	record PromptAt(String prompt, int start, int end) {
	}

	static boolean hasLogLines(String clean) {
		return LOG_LINE.matcher(clean).find();
	}

	/** @return the command names {@code help} lists: the lines that do not start with white space */
	static List<String> commands(String helpOutput) {
		List<String> names = new ArrayList<>();
		for (String line : helpOutput.split("\n")) { //$NON-NLS-1$
			if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || LOG_LINE.matcher(line).lookingAt()) {
				continue;
			}
			Matcher name = COMMAND.matcher(line);
			if (name.lookingAt()) {
				names.add(name.group(1));
			}
		}
		return names;
	}

	/**
	 * @return the {@code key:value} lines of {@code version}'s output ({@code IDF Version:v5.5},
	 *         {@code model:ESP32-S3}), keys in lower case, the first of each key
	 */
	static Map<String, String> fields(String output) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : output.split("\n")) { //$NON-NLS-1$
			int colon = line.indexOf(':');
			if (colon <= 0 || LOG_LINE.matcher(line).lookingAt()) {
				continue;
			}
			String value = line.substring(colon + 1).strip();
			if (!value.isEmpty()) {
				fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), value);
			}
		}
		return fields;
	}

	/** @return the station MAC the Wi-Fi driver logs when it starts ({@code I (588) wifi:mode : sta (24:0a:...)}) */
	static Optional<MacAddress> stationMac(String clean) {
		Matcher matcher = STATION_MAC.matcher(clean);
		String last = null;
		while (matcher.find()) {
			last = matcher.group(1);
		}
		return Optional.ofNullable(last).map(MacAddress::parse);
	}

	/**
	 * @param label as the application's start-up log writes it: {@code Project name}, {@code App version},
	 *              {@code ESP-IDF}
	 * @return its value from the last boot the port saw
	 */
	static Optional<String> bootLogValue(String clean, String label) {
		Matcher matcher = Pattern.compile("^[EWIDV] \\(\\d+\\) [^:\\n]+: " + Pattern.quote(label) + ":[ \\t]*(\\S[^\\n]*)$", //$NON-NLS-1$ //$NON-NLS-2$
				Pattern.MULTILINE).matcher(clean);
		String last = null;
		while (matcher.find()) {
			last = matcher.group(1).strip();
		}
		return Optional.ofNullable(last);
	}
}
