/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.espidf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * An ESP-IDF application with an {@code esp_console} REPL on the device end of a serial line, as ESP-IDF's
 * {@code console} example behaves on a UART (components {@code console} and {@code linenoise}, ESP-IDF 5.x): it
 * boots with a log ({@code I (312) tag: message}, in ANSI colours if configured), checks for a terminal by sending
 * {@code ESC[5n} and reading what comes back within 200 ms, and, as no terminal answers, edits lines in linenoise's
 * "dumb" mode: it echoes what is typed, Backspace removes the last character, Enter ({@code \r}, converted to
 * {@code \n} on input) ends the line, unprintable characters are dropped from it, an empty line runs nothing, and
 * an unknown command prints {@code Unrecognized command}. Output goes through the console's line-end conversion
 * ({@code \n} becomes {@code \r\n}). Runs on its own thread until the line closes.
 */
public final class SimulatedEspIdfConsole implements AutoCloseable {

	private static final int BACKSPACE = 127;
	private static final Duration TERMINAL_CHECK = Duration.ofMillis(200);
	private static final String RESET_COLOUR = "\u001B[0m"; //$NON-NLS-1$

	private final IByteChannel line;
	private final EspIdfConsoleConfig config;
	private final ConsoleCommands commands;
	private final Thread thread;
	private final List<String> commandLines = new CopyOnWriteArrayList<>();
	private final AtomicInteger lostToTerminalCheck = new AtomicInteger();
	private final StringBuilder typed = new StringBuilder();
	private volatile boolean running = true;
	private long bootedAt;

	/** Powers the application up on the device's end of a line. */
	public SimulatedEspIdfConsole(IByteChannel line, EspIdfConsoleConfig config) {
		this.line = line;
		this.config = config;
		this.commands = new ConsoleCommands(config);
		this.thread = new Thread(this::run, "esp-idf-console-" + line.name()); //$NON-NLS-1$
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** @return the non-empty command lines the console ran, in order */
	public List<String> commandLines() {
		return List.copyOf(commandLines);
	}

	/**
	 * @return how many bytes arrived while the console waited for a terminal's answer to {@code ESC[5n}; a real
	 *         console takes four or more of them for that answer and turns full line editing on
	 */
	public int bytesDuringTerminalCheck() {
		return lostToTerminalCheck.get();
	}

	private void run() {
		byte[] chunk = new byte[256];
		try {
			boot();
			while (running) {
				int n = line.read(chunk, 0, chunk.length, Duration.ofMillis(100));
				for (int i = 0; i < n && running; i++) {
					type(chunk[i] & 0xff);
				}
			}
		} catch (OnrampException e) {
			// the line closed
		}
	}

	private void boot() throws OnrampException {
		bootedAt = System.nanoTime();
		typed.setLength(0);
		print("ets Jul 29 2019 12:21:46\n\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\n"); //$NON-NLS-1$
		log('I', "boot", "ESP-IDF " + config.idfVersion() + " 2nd stage bootloader"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		log('I', "app_init", "Application information:"); //$NON-NLS-1$ //$NON-NLS-2$
		log('I', "app_init", "Project name:     " + config.project()); //$NON-NLS-1$ //$NON-NLS-2$
		log('I', "app_init", "App version:      " + config.appVersion()); //$NON-NLS-1$ //$NON-NLS-2$
		log('I', "app_init", "ESP-IDF:          " + config.idfVersion()); //$NON-NLS-1$ //$NON-NLS-2$
		log('I', "main_task", "Calling app_main()"); //$NON-NLS-1$ //$NON-NLS-2$
		if (config.stationMac().isPresent()) {
			// the Wi-Fi driver's own format: no space after its tag
			logLine('I', "wifi:mode : sta (" + config.stationMac().get() + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		checkForTerminal();
		print("\r\nType 'help' to get the list of commands.\r\n" //$NON-NLS-1$
				+ "Use UP/DOWN arrows to navigate through command history.\r\n" //$NON-NLS-1$
				+ "Press TAB when typing command name to auto-complete.\r\n"); //$NON-NLS-1$
		print("\r\nYour terminal application does not support escape sequences.\n\n" //$NON-NLS-1$
				+ "Line editing and history features are disabled.\n\nOn Windows, try using Putty instead.\r\n"); //$NON-NLS-1$
		prompt();
	}

	/** linenoise's probe: bytes arriving now are read as the terminal's answer, and lost to the console. */
	private void checkForTerminal() throws OnrampException {
		write("\u001B[5n"); //$NON-NLS-1$
		byte[] answer = new byte[64];
		long end = System.nanoTime() + TERMINAL_CHECK.toNanos();
		long left;
		while (running && (left = end - System.nanoTime()) > 0) {
			lostToTerminalCheck.addAndGet(line.read(answer, 0, answer.length, Duration.ofNanos(left)));
		}
	}

	/** In dumb mode the prompt has no colours. */
	private void prompt() throws OnrampException {
		print(config.prompt() + " "); //$NON-NLS-1$
	}

	/** One byte typed, as {@code linenoiseDumb} takes it. */
	private void type(int c) throws OnrampException {
		int key = c == '\r' ? '\n' : c;
		if (key == '\n') {
			print("\n"); //$NON-NLS-1$
			String commandLine = printable(typed);
			typed.setLength(0);
			execute(commandLine);
		} else if (key >= 0x1c && key <= 0x1f) {
			// arrow keys in some terminals: swallowed
		} else if (key == BACKSPACE || key == 0x08) {
			if (typed.length() > 0) {
				typed.setLength(typed.length() - 1);
			}
			write("\b "); //$NON-NLS-1$
			line.write(new byte[] { (byte) key });
		} else {
			typed.append((char) key);
			line.write(new byte[] { (byte) key });
		}
	}

	/** linenoise's {@code sanitize}: the line ends at a NUL; only printable characters stay. */
	private static String printable(CharSequence typed) {
		StringBuilder kept = new StringBuilder();
		for (int i = 0; i < typed.length() && typed.charAt(i) != 0; i++) {
			char c = typed.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	/** The REPL task's loop body: run the line, report what went wrong, prompt again. */
	private void execute(String commandLine) throws OnrampException {
		String[] argv = commandLine.strip().split("\\s+"); //$NON-NLS-1$
		if (argv[0].isEmpty()) {
			prompt();
			return;
		}
		commandLines.add(commandLine.strip());
		ConsoleCommands.Outcome outcome = commands.run(argv, new ConsoleCommands.Output() {
			@Override
			public void print(String text) throws OnrampException {
				SimulatedEspIdfConsole.this.print(text);
			}

			@Override
			public void log(char level, String tag, String message) throws OnrampException {
				SimulatedEspIdfConsole.this.log(level, tag, message);
			}
		});
		switch (outcome) {
		case RESTART -> {
			boot();
			return;
		}
		case UNKNOWN -> print("Unrecognized command\n"); //$NON-NLS-1$
		case FAILED -> print("Command returned non-zero error code: 0x1 (ERROR)\n"); //$NON-NLS-1$
		case OK -> {
			// nothing more to say
		}
		}
		prompt();
	}

	private void log(char level, String tag, String message) throws OnrampException {
		logLine(level, tag + ": " + message); //$NON-NLS-1$
	}

	/** {@code ESP_LOGx}: level, milliseconds since boot, the text; coloured by level if configured. */
	private void logLine(char level, String text) throws OnrampException {
		long millis = 300 + (System.nanoTime() - bootedAt) / 1_000_000;
		String entry = level + " (" + millis + ") " + text; //$NON-NLS-1$ //$NON-NLS-2$
		print(config.colours() ? colour(level) + entry + RESET_COLOUR + "\n" : entry + "\n"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String colour(char level) {
		return switch (level) {
		case 'E' -> "\u001B[0;31m"; //$NON-NLS-1$
		case 'W' -> "\u001B[0;33m"; //$NON-NLS-1$
		default -> "\u001B[0;32m"; //$NON-NLS-1$
		};
	}

	/** stdout through the console's line-end conversion: every {@code \n} goes out as {@code \r\n}. */
	private void print(String text) throws OnrampException {
		write(text.replace("\n", "\r\n")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void write(String text) throws OnrampException {
		line.write(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	@Override
	public void close() {
		running = false;
		line.close();
		try {
			thread.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
