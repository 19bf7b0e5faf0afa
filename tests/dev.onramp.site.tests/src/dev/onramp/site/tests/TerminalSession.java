/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command run on a real pseudo-terminal, through util-linux {@code script}, the way a person at a terminal runs
 * it: what it prints arrives as the terminal shows it (including whatever the terminal echoes of the typing), and
 * lines are typed only once the expected prompt has appeared.
 */
final class TerminalSession implements AutoCloseable {

	private static final Duration PROMPT_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;
	private final StringBuilder screen = new StringBuilder();
	private final Thread reader;

	private TerminalSession(Process process) {
		this.process = process;
		this.reader = Thread.ofPlatform().daemon().name("terminal-session-reader").start(this::readScreen);
	}

	static TerminalSession start(List<String> command, Map<String, String> environment) throws IOException {
		String shellCommand = command.stream().map(TerminalSession::quote).collect(Collectors.joining(" "));
		ProcessBuilder builder = new ProcessBuilder("script", "--quiet", "--flush", "--return", "--command",
				shellCommand, "/dev/null").redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("SHELL", "/bin/sh");
		return new TerminalSession(builder.start());
	}

	private static String quote(String argument) {
		return "'" + argument.replace("'", "'\\''") + "'";
	}

	private void readScreen() {
		byte[] buffer = new byte[4096];
		try (InputStream in = process.getInputStream()) {
			for (int n; (n = in.read(buffer)) >= 0;) {
				synchronized (screen) {
					screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
					screen.notifyAll();
				}
			}
		} catch (IOException e) {
			// the terminal closed
		}
	}

	/** @return the first match of {@code regex} in what the terminal shows, waiting for it with a deadline */
	Matcher awaitScreen(String regex) throws InterruptedException {
		Pattern pattern = Pattern.compile(regex);
		long deadline = System.nanoTime() + PROMPT_TIMEOUT.toNanos();
		synchronized (screen) {
			while (true) {
				Matcher matcher = pattern.matcher(screen);
				if (matcher.find()) {
					return matcher;
				}
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
					throw new AssertionError("the terminal never showed /" + regex + "/; it shows:\n" + screen);
				}
				screen.wait(Math.min(left, 200));
			}
		}
	}

	/** Types a line and Enter. */
	void type(String line) throws IOException {
		OutputStream keyboard = process.getOutputStream();
		keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
		keyboard.flush();
	}

	int awaitExit() throws InterruptedException {
		if (!process.waitFor(PROMPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			throw new AssertionError("the command did not end; the terminal shows:\n" + screen());
		}
		reader.join(TimeUnit.SECONDS.toMillis(10));
		return process.exitValue();
	}

	String screen() {
		synchronized (screen) {
			return screen.toString();
		}
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}
}
