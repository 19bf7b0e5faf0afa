/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * ESP-IDF's protocomm console ({@code components/protocomm/src/transports/protocomm_console.c} with
 * {@code components/console}) on the device end of a serial line, serving a {@link ProtocommFirmware}:
 * <ul>
 * <li>writes the prompt {@code "\n>> "} straight to the UART; reads into a 256-byte line buffer, echoing every byte
 * and a CR as CR LF; a CR ends the line; a full buffer ends it too, and a 257th byte that arrived with it is lost
 * (the firmware reads it past the buffer's end);</li>
 * <li>runs the line through {@code esp_console_run}, which keeps its first 255 characters and splits them on spaces
 * (at most 7 arguments), so the CR stays on the last argument; endpoints are commands
 * {@code <endpoint> <session-id> <hex>}; fewer than three arguments fail the command; the session id is read with
 * {@code atoi}; a new id starts a new session; hex is read two digits at a time and an odd digit (the CR) is
 * dropped;</li>
 * <li>a successful handler prints {@code "\r\n"}, the reply in lower-case hex and {@code "\r\n"} through stdout,
 * whose line-end conversion makes each {@code "\r\r\n"}; a failing handler and an unknown command print nothing,
 * except the firmware's own error log when it logs (the task ignores the dispatcher's "not found");</li>
 * <li>stops (no more prompt, no more echo) about a second after it reported Connected, as the provisioning manager
 * stops its service.</li>
 * </ul>
 * Written from the ESP-IDF sources only; it shares nothing with Onramp's client. Runs on its own thread until the line
 * closes.
 */
public final class SimulatedProtocommConsole implements AutoCloseable {

	static final int LINE_BUF_SIZE = 256;
	private static final int MAX_ARGS = 8;
	private static final Set<String> ENDPOINTS = Set.of("proto-ver", "prov-session", "prov-scan", "prov-config", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"prov-ctrl", "custom-data", "cloud_user_assoc"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private final IByteChannel line;
	private final ProtocommFirmware firmware;
	private final ProtocommConsoleOptions options;
	private final Thread thread;
	private final List<String> lines = new CopyOnWriteArrayList<>();
	private final AtomicInteger resets = new AtomicInteger();
	private volatile boolean running = true;
	private volatile boolean resetRequested;
	private long bootedAt = System.nanoTime();
	private long stopAt = Long.MAX_VALUE;
	private boolean stopped;
	private int sessionMessages;
	private boolean booted;

	/** Powers the console up on the device's end of a line. */
	public SimulatedProtocommConsole(IByteChannel line, ProtocommFirmware firmware, ProtocommConsoleOptions options) {
		this.line = line;
		this.firmware = firmware;
		this.options = options;
		this.thread = new Thread(this::run, "protocomm-console-" + line.name()); //$NON-NLS-1$
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** @return the lines the console ran, without their CR, in order */
	public List<String> commandLines() {
		return List.copyOf(lines);
	}

	/** The board's EN pin pulled low and released (RTS): it boots again and prints its boot log. */
	public void reset() {
		resetRequested = true;
	}

	/** @return how often the board was reset */
	public int resets() {
		return resets.get();
	}

	private void run() {
		try {
			if (options.bootOnReset()) {
				booted = true; // its boot log and first prompt went out before anyone listened
			} else {
				boot();
			}
			byte[] chunk = new byte[512];
			ByteArrayOutputStream typed = new ByteArrayOutputStream();
			while (running) {
				int n = line.read(chunk, 0, chunk.length, Duration.ofMillis(50));
				if (resetRequested) {
					resetRequested = false;
					resets.incrementAndGet();
					typed.reset();
					stopped = false;
					stopAt = Long.MAX_VALUE;
					boot();
					continue;
				}
				if (!booted || stopped) {
					continue;
				}
				if (System.nanoTime() - stopAt > 0) {
					stopped = true;
					log('I', "protocomm_console", "Stopping console..."); //$NON-NLS-1$ //$NON-NLS-2$
					log('I', "protocomm_console", "Console stopped"); //$NON-NLS-1$ //$NON-NLS-2$
					continue;
				}
				for (int i = 0; i < n && running; i++) {
					if (options.fault() == ProtocommConsoleOptions.Fault.SILENT) {
						continue;
					}
					int b = chunk[i] & 0xff;
					typed.write(b);
					write(b == '\r' ? "\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] { (byte) b }); //$NON-NLS-1$
					if (b == '\r' || typed.size() == LINE_BUF_SIZE) {
						if (b != '\r' && i + 1 < n) {
							i++; // read past the buffer's end: lost
						}
						execute(typed.toByteArray());
						typed.reset();
						if (running && !stopped) {
							prompt();
						}
					}
				}
			}
		} catch (OnrampException e) {
			// the line closed
		}
	}

	private void boot() throws OnrampException {
		bootedAt = System.nanoTime();
		booted = true;
		if (options.fault() == ProtocommConsoleOptions.Fault.SILENT) {
			return; // a dead console: no log, no prompt
		}
		if (options.bootLog() || options.bootOnReset()) {
			print("ets Jul 29 2019 12:21:46\n\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\n"); //$NON-NLS-1$
			log('I', "boot", "ESP-IDF v5.5 2nd stage bootloader"); //$NON-NLS-1$ //$NON-NLS-2$
			log('I', "main_task", "Calling app_main()"); //$NON-NLS-1$ //$NON-NLS-2$
			log('I', "wifi_prov_mgr", "Provisioning started with service name : PROV_5e1102 "); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (options.qrPayload().isPresent()) {
			log('I', "app", "Scan this QR code from the provisioning application for Provisioning."); //$NON-NLS-1$ //$NON-NLS-2$
			// a few rows of the QR code as the example draws it, in UTF-8 block characters
			print("\n  \u2588\u2580\u2580\u2580\u2580\u2580\u2588 \u2584\u2580\u2584 \u2588\u2580\u2580\u2580\u2580\u2580\u2588\n" //$NON-NLS-1$
					+ "  \u2588 \u2588\u2588\u2588 \u2588 \u2580\u2584\u2580 \u2588 \u2588\u2588\u2588 \u2588\n\n"); //$NON-NLS-1$
			log('I', "app", "If QR code is not visible, copy paste the below URL in a browser.\n" //$NON-NLS-1$ //$NON-NLS-2$
					+ "https://espressif.github.io/esp-jumpstart/qrcode.html?data=" + options.qrPayload().get()); //$NON-NLS-1$
		}
		prompt();
	}

	private boolean dropsAtSessionMessage(int count) {
		return options.fault() == ProtocommConsoleOptions.Fault.DROP_AT_SESSION_STEP_1 && count == 1
				|| options.fault() == ProtocommConsoleOptions.Fault.DROP_AT_SESSION_STEP_2 && count == 2;
	}

	private void prompt() throws OnrampException {
		// uart_write_bytes: no line-end conversion
		write("\n>> ".getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$
	}

	private void execute(byte[] typed) throws OnrampException {
		String text = new String(typed, StandardCharsets.ISO_8859_1);
		int nul = text.indexOf('\0');
		if (nul >= 0) {
			text = text.substring(0, nul);
		}
		// strlcpy into the console's buffer of max_cmdline_length bytes
		text = text.substring(0, Math.min(text.length(), LINE_BUF_SIZE - 1));
		lines.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text); //$NON-NLS-1$
		List<String> argv = splitArgv(text);
		if (argv.isEmpty()) {
			return;
		}
		String command = argv.get(0);
		if ("help".equals(command)) { //$NON-NLS-1$
			return; // "help\r" is not "help": the CR is part of the word
		}
		boolean registered = ENDPOINTS.contains(command)
				&& (!"cloud_user_assoc".equals(command) || firmware.config().nodeId().isPresent()); //$NON-NLS-1$
		if (!registered || argv.size() < 3) {
			return; // ESP_ERR_NOT_FOUND / ESP_ERR_INVALID_ARG: the task prints nothing
		}
		if ("prov-session".equals(command) && dropsAtSessionMessage(++sessionMessages)) { //$NON-NLS-1$
			// the board browned out or the cable came loose with the client's message in its buffer
			running = false;
			line.close();
			return;
		}
		long session = atoi(argv.get(1)) & 0xffffffffL;
		byte[] request = hexToBytes(argv.get(2));
		byte[] answer;
		boolean connectedNow;
		synchronized (firmware) {
			if (session != firmware.sessionId()) {
				firmware.session(session);
			}
			try {
				answer = firmware.handle(command, request);
			} catch (IOException e) {
				if (options.errorLogs()) {
					if ("prov-session".equals(command)) { //$NON-NLS-1$
						log('E', "security" + firmware.config().security(), "Key mismatch. Close connection"); //$NON-NLS-1$ //$NON-NLS-2$
					} else {
						log('E', "protocomm", "Request handler for " + command + " failed"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					}
				}
				return;
			}
			connectedNow = firmware.takeConnectedReport();
		}
		if (answer == null) {
			return;
		}
		String hex = java.util.HexFormat.of().formatHex(answer);
		switch (options.fault()) {
		case GARBAGE -> {
			print("\r\n"); //$NON-NLS-1$
			print("Guru Meditation: ~~ not hex ~~\r\n"); //$NON-NLS-1$
			return;
		}
		case DROP_MID_REPLY -> {
			if (!"proto-ver".equals(command) && !"prov-session".equals(command)) { //$NON-NLS-1$ //$NON-NLS-2$
				print("\r\n" + hex.substring(0, hex.length() / 2)); //$NON-NLS-1$
				running = false;
				line.close();
				return;
			}
		}
		default -> {
			// a well-behaved console
		}
		}
		print("\r\n" + hex + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		if (connectedNow) {
			stopAt = System.nanoTime() + firmware.config().stopAfterConnected().toNanos();
		}
	}

	/** {@code esp_console_split_argv}: spaces separate; quotes group; a backslash escapes a space, quote or itself. */
	static List<String> splitArgv(String text) {
		List<String> argv = new ArrayList<>();
		StringBuilder arg = null;
		boolean quoted = false;
		for (int i = 0; i < text.length() && argv.size() < MAX_ARGS - 1; i++) {
			char c = text.charAt(i);
			if (arg == null) {
				if (c == ' ') {
					continue;
				}
				arg = new StringBuilder();
				if (c == '"') {
					quoted = true;
					continue;
				}
			}
			if (c == '\\' && i + 1 < text.length()) {
				char next = text.charAt(++i);
				if (next == '\\' || next == '"' || next == ' ') {
					arg.append(next);
				}
			} else if ((quoted && c == '"') || (!quoted && c == ' ')) {
				argv.add(arg.toString());
				arg = null;
				quoted = false;
			} else {
				arg.append(c);
			}
		}
		if (arg != null && argv.size() < MAX_ARGS - 1) {
			argv.add(arg.toString());
		}
		return argv;
	}

	/** newlib's {@code atoi}: optional sign and leading digits, clamped to a 32-bit long. */
	private static long atoi(String text) {
		int i = 0;
		boolean negative = false;
		if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
			negative = text.charAt(i++) == '-';
		}
		long value = 0;
		for (; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
			value = Math.min(value * 10 + (text.charAt(i) - '0'), Integer.MAX_VALUE + 1L);
		}
		value = negative ? -value : Math.min(value, Integer.MAX_VALUE);
		return Math.max(value, Integer.MIN_VALUE);
	}

	/** {@code hex2bin}: half the length in bytes; a pair that is not hex leaves a zero byte. */
	private static byte[] hexToBytes(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			try {
				bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
			} catch (NumberFormatException e) {
				bytes[i] = 0;
			}
		}
		return bytes;
	}

	/** {@code ESP_LOGx}, coloured as with {@code CONFIG_LOG_COLORS}. */
	private void log(char level, String tag, String message) throws OnrampException {
		long millis = 300 + (System.nanoTime() - bootedAt) / 1_000_000;
		String colour = level == 'E' ? "\u001B[0;31m" : "\u001B[0;32m"; //$NON-NLS-1$ //$NON-NLS-2$
		print(colour + level + " (" + millis + ") " + tag + ": " + message + "\u001B[0m\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	/** stdout with ESP-IDF's default line-end conversion: every {@code \n} goes out as {@code \r\n}. */
	private void print(String text) throws OnrampException {
		write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private void write(byte[] bytes) throws OnrampException {
		line.write(bytes);
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
