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
import java.util.regex.Pattern;

import dev.onramp.core.MacAddress;

/**
 * What the device's output so far says about it: which protocol to try next, and, when nothing answered, whether
 * the line stayed silent, carried garbage (a wrong baud rate, a boot loop) or text.
 */
final class LineEvidence {

	/** Which kind of device the output points at. */
	enum Hint {
		/** Nothing that sets a kind apart. */
		NONE,
		/** MicroPython's banner, prompt, soft reboot or a Python traceback. */
		MICROPYTHON,
		/** An {@code esp_console} prompt or its answer to a line it does not know. */
		ESP_IDF_CONSOLE,
		/**
		 * A program that prints line after line of plain text and does not stop: no ESP-IDF log line, no console,
		 * no Improv frame. That is how a MicroPython main.py looks (pyDirect's prints on without end), so the REPL
		 * goes first; its Ctrl-C and Ctrl-A are harmless to the other kinds.
		 */
		RUNNING_TEXT
	}

	/**
	 * MicroPython's banner, prompts, soft reboot and tracebacks, and pyDirect's boot.py banner (PROTOCOLS.md: the
	 * moment a Ctrl-C still reaches the REPL, before main.py takes over).
	 */
	private static final List<String> MICROPYTHON = List.of(">>> ", "raw REPL; CTRL-B to exit", "MicroPython v", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"Type \"help()\" for more information", "MPY: soft reboot", "Traceback (most recent call last):", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"System booting..."); //$NON-NLS-1$
	private static final List<String> CONSOLE = List.of("Type 'help' to get the list of commands", //$NON-NLS-1$
			"Unrecognized command"); //$NON-NLS-1$
	/** Fewer bytes than this are too few to call garbage. */
	private static final int MIN_GARBAGE = 16;
	private static final int MAX_SHOWN = 80;
	/** This many lines of plain text in a row, the last one complete, make a running text program. */
	static final int RUNNING_LINES = 6;
	/**
	 * What an ESP32's ROM and second-stage boot loader print before the application starts
	 * ({@code ets Jul 29 2019}, {@code rst:0x1 (POWERON_RESET)}, {@code load:0x3fff0030,len:4}, {@code entry 0x...},
	 * {@code ESP-ROM:esp32s3-20210327}, ...): not the application's own output.
	 */
	private static final Pattern ROM_LINE = Pattern
			.compile("^(?:ets |rst:|configsip:|clk_drv:|mode:|load:|entry |ESP-ROM:|Build:|SPIWP:|ho \\d|boot:|Saved PC:)"); //$NON-NLS-1$
	/** ESPHome's log lines ({@code [I][wifi:123]: ...}): a firmware that usually offers Improv over serial. */
	private static final Pattern ESPHOME_LOG = Pattern.compile("^\\[[VDIWEC]\\]\\[[\\w.]+(?::\\d+)?\\]:"); //$NON-NLS-1$
	/** linenoise's terminal check ({@code ESC[5n}): an ESP-IDF console waits 200 ms for a terminal's answer. */
	private static final String TERMINAL_CHECK = "\u001B[5n"; //$NON-NLS-1$

	private final byte[] bytes;
	private final String raw;
	private final String text;

	private LineEvidence(byte[] bytes) {
		this.bytes = bytes;
		this.raw = ConsoleText.text(bytes);
		this.text = ConsoleText.clean(raw);
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
			return runningText() ? Hint.RUNNING_TEXT : Hint.NONE;
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

	/**
	 * @return whether the output ends in {@value #RUNNING_LINES} or more complete lines of plain text in a row (no
	 *         boot-loader line, ESP-IDF or ESPHome log line, console prompt or garbage among them) and no console
	 *         is checking for a terminal: a program that prints on, as a MicroPython main.py does
	 */
	boolean runningText() {
		if (bytes.length == 0 || raw.contains(TERMINAL_CHECK) || garbage()) {
			return false;
		}
		int end = text.lastIndexOf('\n');
		int lines = 0;
		while (end > 0 && lines < RUNNING_LINES) {
			int start = text.lastIndexOf('\n', end - 1) + 1;
			String line = text.substring(start, end);
			if (line.isBlank()) {
				end = start - 1;
				continue;
			}
			if (!programLine(line)) {
				return false;
			}
			lines++;
			end = start - 1;
		}
		return lines >= RUNNING_LINES;
	}

	private static boolean programLine(String line) {
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if ((c < 0x20 || c >= 0x7f) && c != '\t') {
				return false;
			}
		}
		return !ROM_LINE.matcher(line).lookingAt() && !ESPHOME_LOG.matcher(line).lookingAt()
				&& !ConsoleText.hasLogLines(line) && ConsoleText.lastPrompt(line).isEmpty();
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
