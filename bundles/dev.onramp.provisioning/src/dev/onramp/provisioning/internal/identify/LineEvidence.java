/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.onramp.core.MacAddress;

/**
 * What the device's output so far says about it: which protocol to try next, and, when nothing answered, whether
 * the line stayed silent, carried garbage (a wrong baud rate, a boot loop) or text.
 */
final class LineEvidence {

	/** Which kind of device the output points at. */
	enum Hint {
		NONE, MICROPYTHON, ESP_IDF_CONSOLE
	}

	private static final List<String> MICROPYTHON = List.of(">>> ", "raw REPL; CTRL-B to exit", "MicroPython v", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"Type \"help()\" for more information"); //$NON-NLS-1$
	private static final List<String> CONSOLE = List.of("Type 'help' to get the list of commands", //$NON-NLS-1$
			"Unrecognized command"); //$NON-NLS-1$
	/** Fewer bytes than this are too few to call garbage. */
	private static final int MIN_GARBAGE = 16;
	private static final int MAX_SHOWN = 80;

	private final byte[] bytes;
	private final String text;

	private LineEvidence(byte[] bytes) {
		this.bytes = bytes;
		this.text = ConsoleText.clean(ConsoleText.text(bytes));
	}

	static LineEvidence of(byte[] transcript) {
		return new LineEvidence(transcript);
	}

	/** @return the kind of device whose signs came last (a device can change from one to the other only by a reset) */
	Hint hint() {
		int micropython = lastIndexOfAny(MICROPYTHON);
		int console = Math.max(lastIndexOfAny(CONSOLE),
				ConsoleText.lastPrompt(text).map(ConsoleText.PromptAt::start).orElse(-1));
		if (micropython < 0 && console < 0) {
			return Hint.NONE;
		}
		return micropython > console ? Hint.MICROPYTHON : Hint.ESP_IDF_CONSOLE;
	}

	private int lastIndexOfAny(List<String> markers) {
		int last = -1;
		for (String marker : markers) {
			last = Math.max(last, text.lastIndexOf(marker));
		}
		return last;
	}

	/** @return whether the device has printed a prompt and waits: MicroPython's {@code >>> } or a console's */
	boolean waitsForInput() {
		return text.endsWith(">>> ") //$NON-NLS-1$
				|| ConsoleText.lastPrompt(text).filter(p -> p.end() == text.length()).isPresent();
	}

	boolean silent() {
		return bytes.length == 0;
	}

	/** @return whether more than a quarter of what arrived is neither printable ASCII nor line control */
	boolean garbage() {
		if (bytes.length < MIN_GARBAGE) {
			return false;
		}
		int foreign = 0;
		for (byte b : bytes) {
			foreign += isText(b & 0xff) ? 0 : 1;
		}
		return foreign * 4 > bytes.length;
	}

	private static boolean isText(int b) {
		return b >= 0x20 && b < 0x7f || b == '\r' || b == '\n' || b == '\t' || b == 0x1b || b == 0x08;
	}

	/** @return whether the device prints ESP-IDF log lines ({@code I (1234) tag: ...}) */
	boolean espIdfLog() {
		return ConsoleText.hasLogLines(text);
	}

	int size() {
		return bytes.length;
	}

	/** @return the last line of text that has something in it, printable, at most {@value #MAX_SHOWN} characters */
	String lastLine() {
		String[] lines = text.split("\n"); //$NON-NLS-1$
		for (int i = lines.length - 1; i >= 0; i--) {
			if (!lines[i].isBlank()) {
				return printable(lines[i].strip());
			}
		}
		return ""; //$NON-NLS-1$
	}

	/** @return some bytes from the first one that is not text on, printable, the others as {@code \xNN} */
	String sample() {
		int from = 0;
		while (from < bytes.length - 1 && isText(bytes[from] & 0xff)) {
			from++;
		}
		return printable(ConsoleText.text(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 12))));
	}

	private static String printable(String line) {
		StringBuilder shown = new StringBuilder();
		for (int i = 0; i < line.length() && shown.length() < MAX_SHOWN; i++) {
			char c = line.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				shown.append(c);
			} else {
				shown.append(String.format("\\x%02x", Integer.valueOf(c))); //$NON-NLS-1$
			}
		}
		return shown.toString();
	}

	/** @return the station MAC from an ESP-IDF boot log the port saw */
	Optional<MacAddress> stationMac() {
		return ConsoleText.stationMac(text);
	}

	/** @return clean text: no ANSI colours, lines ending in {@code \n} */
	String text() {
		return text;
	}
}
