/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import dev.onramp.core.OnrampException;

/**
 * Typing at an {@code esp_console} prompt the way a plain serial terminal does, which puts the console's line editor
 * (linenoise) in its "dumb" mode: every character is echoed, Enter ends the line, and the console prints its prompt
 * when it waits for the next one. Every wait ends at a deadline.
 */
final class ConsoleDialogue {

	private static final String UNRECOGNIZED = "Unrecognized command"; //$NON-NLS-1$

	private final ProbeLine line;
	/** What the console printed since the dialogue began, one character per byte. */
	private final StringBuilder raw = new StringBuilder();
	private final byte[] chunk = new byte[512];
	/** The line end the console answered to. */
	private byte[] enterKey = { '\r' };

	ConsoleDialogue(ProbeLine line) {
		this.line = line;
	}

	/**
	 * Presses Enter: an empty line runs nothing and makes the console print its prompt again. Consoles take
	 * {@code \r} (ESP-IDF converts it to a line end); for one set up for {@code \n} that comes second.
	 *
	 * @return the prompt without its trailing space, or empty when none came within the time
	 */
	Optional<String> enter(Duration timeout) throws OnrampException {
		long end = deadline(timeout);
		int mark = raw.length();
		line.write(enterKey);
		Optional<String> prompt = awaitPrompt(mark, deadline(timeout.dividedBy(2)));
		if (prompt.isEmpty()) {
			enterKey = new byte[] { '\n' };
			line.write(enterKey);
			prompt = awaitPrompt(mark, end);
		}
		return prompt;
	}

	private Optional<String> awaitPrompt(int mark, long end) throws OnrampException {
		while (true) {
			Optional<ConsoleText.PromptAt> prompt = ConsoleText.lastPrompt(ConsoleText.clean(raw.substring(mark)));
			if (prompt.isPresent() || !read(end)) {
				return prompt.map(ConsoleText.PromptAt::prompt);
			}
		}
	}

	/**
	 * Runs a command and reads its output up to the next prompt.
	 *
	 * @return the output without the echoed command line, or empty when the console does not know the command or
	 *         did not come back to its prompt in time
	 */
	Optional<String> run(String command, Duration timeout) throws OnrampException {
		long end = deadline(timeout);
		int mark = raw.length();
		line.write(command.getBytes(StandardCharsets.US_ASCII));
		line.write(enterKey);
		while (true) {
			String text = ConsoleText.clean(raw.substring(mark));
			int echoEnd = text.startsWith(command) ? text.indexOf('\n') : -1;
			Optional<ConsoleText.PromptAt> prompt = ConsoleText.lastPrompt(text)
					.filter(p -> !text.startsWith(command) || echoEnd >= 0 && p.start() >= echoEnd);
			if (prompt.isPresent()) {
				String output = text.substring(echoEnd + 1, Math.max(echoEnd + 1, prompt.get().start()));
				return output.strip().equals(UNRECOGNIZED) ? Optional.empty() : Optional.of(output);
			}
			if (!read(end)) {
				return Optional.empty();
			}
		}
	}

	/** @return false when the deadline has passed */
	private boolean read(long end) throws OnrampException {
		long left = end - System.nanoTime();
		if (left <= 0) {
			return false;
		}
		int n = line.read(chunk, 0, chunk.length, Duration.ofNanos(left));
		raw.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
		return true;
	}

	private static long deadline(Duration timeout) {
		return System.nanoTime() + timeout.toNanos();
	}
}
