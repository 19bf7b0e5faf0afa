/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.LineEnd;
import dev.onramp.simulator.internal.FirmwareLine.LineGone;

/**
 * One power cycle of the simulated firmware on one line, following MicroPython's {@code pyexec.c}: boot output, a
 * main.py, the friendly REPL, the raw REPL with plain and raw-paste execution (window credits and {@code \x01}
 * acknowledgements), soft reset ({@code Ctrl-D} at an empty raw prompt) and {@code machine.reset()}, which drops the
 * line. {@link SnippetRunner} runs the code the REPL receives; {@link FirmwareLine} carries the bytes both ways with
 * the device's pacing and faults.
 * <p>
 * A plain MicroPython main.py prints until Ctrl-C. pyDirect's, as published: Ctrl-C reaches the REPL only within
 * {@link dev.onramp.simulator.SimulatorOptions#interruptWindow()} after the boot output (the rest of boot.py and
 * main.py's imports); then main.py either runs the setup server, which lets KeyboardInterrupt through, or its server
 * loop, which catches it and starts over. What main.py prints comes from the device's {@link BootTranscript}.
 */
public final class Firmware {

	private enum Mode {
		/** pyDirect: boot.py's rest and main.py's imports, where Ctrl-C still raises KeyboardInterrupt */
		BOOT_WINDOW,
		/** main.py's loop: a plain program that Ctrl-C stops, or pyDirect's servers that swallow it */
		MAIN_PY,
		/** pyDirect's main.py running the setup server */
		SETUP, FRIENDLY, RAW, RAW_PASTE
	}

	private static final byte CTRL_A = 1;
	private static final byte CTRL_B = 2;
	private static final byte CTRL_C = 3;
	private static final byte CTRL_D = 4;
	private static final byte CTRL_E = 5;
	private static final String RAW_BANNER = "raw REPL; CTRL-B to exit\r\n>"; //$NON-NLS-1$

	private final DeviceState state;
	private final FirmwareLine line;
	private final SnippetRunner runner;
	private Mode mode = Mode.MAIN_PY;
	private final ByteArrayOutputStream input = new ByteArrayOutputStream();
	private long heartbeatCount;
	private long nextHeartbeat;
	private long windowEnd;
	private int transcriptPosition;
	private int pasteCredit;
	private int pasteConsumed;
	private volatile boolean stopped;
	private volatile boolean resetPending;

	/**
	 * @param baudRate 0 when the line itself is paced (or unthrottled), else the firmware paces its own reads and
	 *                 writes (TCP)
	 */
	public Firmware(DeviceState state, IByteChannel line, int baudRate) {
		this.state = state;
		this.line = new FirmwareLine(state, line, baudRate);
		this.runner = new SnippetRunner(state, this.line, () -> stopped);
	}

	public void stop() {
		stopped = true;
	}

	/** The EN line pulled low and released (the RESET button, or RTS through the auto-reset circuit): reboots. */
	public void pressReset() {
		resetPending = true;
	}

	/** Runs until the line closes, drops, or the device resets. */
	public LineEnd run() {
		try {
			boot();
			byte[] buffer = line.newReadBuffer();
			while (!stopped && !Thread.currentThread().isInterrupted()) {
				if (resetPending) {
					resetPending = false;
					state.hardResets.incrementAndGet();
					input.reset();
					boot();
					continue;
				}
				Fault fault = state.fault();
				if (fault.kind() == Fault.Kind.GARBAGE) {
					line.babble(buffer);
					continue;
				}
				if (fault.kind() == Fault.Kind.SILENT) {
					line.ignore(buffer, Duration.ofMillis(50));
					continue;
				}
				int n = line.receive(buffer, buffer.length, Duration.ofMillis(waitMillis()));
				if (n > 0 || line.dropPending()) {
					LineEnd end = handle(buffer, n);
					if (line.dropPending()) {
						line.dropLine();
						return end != null ? end : LineEnd.LINE_DROPPED;
					}
					if (end != null) {
						return end;
					}
				}
				if (mode == Mode.BOOT_WINDOW && System.nanoTime() - windowEnd >= 0) {
					runMainScript();
				}
				if (mode == Mode.MAIN_PY || mode == Mode.SETUP) {
					followTranscript();
				}
				if (mode == Mode.MAIN_PY && System.nanoTime() >= nextHeartbeat) {
					heartbeat();
				}
			}
			return LineEnd.STOPPED;
		} catch (OnrampException | LineGone e) {
			return line.dropped() ? LineEnd.LINE_DROPPED : LineEnd.LINE_CLOSED;
		}
	}

	private void boot() throws LineGone {
		runner.reset();
		emit("ets Jul 29 2019 12:21:46\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"); //$NON-NLS-1$
		emit("System booting...\r\n"); //$NON-NLS-1$
		startMainPy();
	}

	private long waitMillis() {
		long until = switch (mode) {
		case BOOT_WINDOW -> windowEnd;
		case MAIN_PY -> nextHeartbeat;
		case SETUP -> System.nanoTime() + 50_000_000L;
		default -> System.nanoTime() + 100_000_000L;
		};
		return Math.max(1, (until - System.nanoTime()) / 1_000_000);
	}

	private void startMainPy() {
		if (state.pyDirect()) {
			mode = Mode.BOOT_WINDOW;
			windowEnd = System.nanoTime() + state.options().interruptWindow().toNanos();
			return;
		}
		mode = Mode.MAIN_PY;
		nextHeartbeat = System.nanoTime();
	}

	/** main.py's {@code main()} starts: the setup server or the normal loop, printing what this boot printed. */
	private void runMainScript() {
		transcriptPosition = state.network().transcript().bootStart();
		mode = state.network().inSetupMode() ? Mode.SETUP : Mode.MAIN_PY;
		nextHeartbeat = System.nanoTime();
	}

	private void followTranscript() throws LineGone {
		for (BootTranscript.Entry entry : state.network().transcript().since(transcriptPosition)) {
			transcriptPosition++;
			if (entry.softReset()) {
				// machine.soft_reset() from the setup server
				state.softResets.incrementAndGet();
				emit("MPY: soft reboot\r\nSystem booting...\r\n"); //$NON-NLS-1$
				runner.reset();
				startMainPy();
				return;
			}
			emit(entry.line() + "\r\n"); //$NON-NLS-1$
		}
		if (mode == Mode.SETUP && !state.network().inSetupMode()) {
			mode = Mode.MAIN_PY; // the setup server returned: the normal loop follows
		}
	}

	private void heartbeat() throws LineGone {
		heartbeatCount++;
		emit("main.py: " + (state.pyDirect() ? "pyDirect" : "app") + " running, tick " + heartbeatCount + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		nextHeartbeat = System.nanoTime() + state.options().heartbeat().toNanos();
	}

	private String banner() {
		return "MicroPython v" + state.version() + " on 2024-11-29; " + state.machine() //$NON-NLS-1$ //$NON-NLS-2$
				+ "\r\nType \"help()\" for more information.\r\n>>> "; //$NON-NLS-1$
	}

	/** @return how the run ends, or {@code null} to keep going */
	private LineEnd handle(byte[] buffer, int length) throws LineGone {
		line.hold(buffer, length);
		while (line.hasHeld()) {
			byte b = line.takeHeld();
			LineEnd end = switch (mode) {
			case BOOT_WINDOW -> bootWindow(b);
			case MAIN_PY -> mainPy(b);
			case SETUP -> setupServer(b);
			case FRIENDLY -> friendly(b);
			case RAW -> raw(b);
			case RAW_PASTE -> rawPaste(b);
			};
			if (end != null) {
				return end;
			}
		}
		return null;
	}

	private LineEnd bootWindow(byte b) throws LineGone {
		if (b == CTRL_C) {
			interrupted("  File \"main.py\", line 41, in <module>\r\n"); //$NON-NLS-1$
		}
		return null;
	}

	private LineEnd mainPy(byte b) throws LineGone {
		if (b != CTRL_C) {
			return null;
		}
		if (state.pyDirect()) {
			// main() catches KeyboardInterrupt, stops the user tasks and runs main_async() again
			emit("[INFO] Starting servers...\r\n"); //$NON-NLS-1$
			return null;
		}
		interrupted("  File \"main.py\", line 12, in <module>\r\n"); //$NON-NLS-1$
		return null;
	}

	private LineEnd setupServer(byte b) throws LineGone {
		if (b == CTRL_C) {
			// main() catches Exception only: KeyboardInterrupt ends the setup server and main.py
			state.network().interruptSetupServer();
			interrupted("  File \"main.py\", line 331, in <module>\r\n  File \"main.py\", line 305, in main\r\n" //$NON-NLS-1$
					+ "  File \"lib/sys/setup_server.py\", line 209, in run_setup_server\r\n"); //$NON-NLS-1$
		}
		return null;
	}

	private void interrupted(String frames) throws LineGone {
		emit("Traceback (most recent call last):\r\n" + frames + "KeyboardInterrupt: \r\n" + banner()); //$NON-NLS-1$ //$NON-NLS-2$
		mode = Mode.FRIENDLY;
		input.reset();
	}

	private LineEnd friendly(byte b) throws LineGone {
		if (b >= CTRL_A && b <= CTRL_E && b != CTRL_C && input.size() > 0) {
			// readline: with text on the line these keys edit it (left as it is here) instead of acting on the REPL
			return null;
		}
		switch (b) {
		case CTRL_A -> {
			emit("\r\n" + RAW_BANNER); //$NON-NLS-1$
			mode = Mode.RAW;
			input.reset();
		}
		case CTRL_B -> {
			emit("\r\n" + banner()); //$NON-NLS-1$
			input.reset();
		}
		case CTRL_C -> {
			emit("\r\n>>> "); //$NON-NLS-1$
			input.reset();
		}
		case CTRL_D -> {
			state.softResets.incrementAndGet();
			// main.py runs again: its servers (or the setup server) start over
			state.network().softReset();
			emit("\r\nMPY: soft reboot\r\nSystem booting...\r\n"); //$NON-NLS-1$
			runner.reset();
			startMainPy();
		}
		case '\r' -> {
			emit("\r\n"); //$NON-NLS-1$
			String code = input.toString(StandardCharsets.UTF_8);
			input.reset();
			if (!code.isBlank()) {
				String[] result = runner.execute(code);
				if (result == null) {
					return afterReset();
				}
				emit(result[0] + result[1]);
			}
			emit(">>> "); //$NON-NLS-1$
		}
		case '\n' -> {
			// terminals send \r; ignore the \n of \r\n
		}
		default -> {
			if (b >= 0x20 && b < 0x7f) {
				// readline takes printable characters only
				input.write(b);
				emit(new byte[] { b });
			}
		}
		}
		return null;
	}

	private LineEnd raw(byte b) throws LineGone {
		switch (b) {
		case CTRL_A -> {
			byte[] typed = input.toByteArray();
			if (typed.length == 2 && typed[0] == CTRL_E) {
				input.reset();
				if (typed[1] != 'A' || !state.options().rawPaste()) {
					emit("R\000"); //$NON-NLS-1$
					return null;
				}
				int window = state.options().window();
				emit(new byte[] { 'R', 1, (byte) (window & 0xff), (byte) (window >> 8) });
				mode = Mode.RAW_PASTE;
				pasteCredit = window;
				pasteConsumed = 0;
				return null;
			}
			emit("\r\n" + RAW_BANNER); //$NON-NLS-1$
			input.reset();
		}
		case CTRL_B -> {
			emit("\r\n" + banner()); //$NON-NLS-1$
			mode = Mode.FRIENDLY;
			input.reset();
		}
		case CTRL_C -> input.reset();
		case CTRL_D -> {
			emit("OK"); //$NON-NLS-1$
			String code = input.toString(StandardCharsets.UTF_8);
			input.reset();
			if (code.isEmpty()) {
				state.softResets.incrementAndGet();
				emit("\r\nMPY: soft reboot\r\n" + RAW_BANNER); //$NON-NLS-1$
				// in the raw REPL the soft reset skips main.py; the settings module starts anew all the same
				state.newBoot();
				runner.reset();
				return null;
			}
			state.plainRawExecs.incrementAndGet();
			String[] result = runner.execute(code);
			if (result == null) {
				return afterReset();
			}
			emit(result[0] + "\004" + result[1] + "\004>"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		default -> input.write(b);
		}
		return null;
	}

	private LineEnd rawPaste(byte b) throws LineGone {
		if (b == CTRL_D || b == CTRL_C) {
			emit(new byte[] { CTRL_D });
			mode = Mode.RAW;
			String code = input.toString(StandardCharsets.UTF_8);
			input.reset();
			String[] result;
			if (b == CTRL_C) {
				result = new String[] { "", "Traceback (most recent call last):\r\nKeyboardInterrupt: \r\n" }; //$NON-NLS-1$ //$NON-NLS-2$
			} else {
				state.rawPasteExecs.incrementAndGet();
				result = runner.execute(code);
				if (result == null) {
					return afterReset();
				}
			}
			emit(result[0] + "\004" + result[1] + "\004>"); //$NON-NLS-1$ //$NON-NLS-2$
			return null;
		}
		if (--pasteCredit < 0) {
			// a real device's buffer would overflow here and lose bytes
			state.flowControlViolations.incrementAndGet();
		}
		input.write(b);
		int window = state.options().window();
		if (++pasteConsumed == window) {
			pasteConsumed = 0;
			pasteCredit += window;
			emit(new byte[] { CTRL_A });
		}
		return null;
	}

	/** @return {@code null} to go on after rebooting on the same line, else how the run ends */
	private LineEnd afterReset() throws LineGone {
		if (!state.options().resetKeepsLine()) {
			return LineEnd.HARD_RESET;
		}
		input.reset();
		boot();
		return null;
	}

	private void emit(String text) throws LineGone {
		line.emit(text);
	}

	private void emit(byte[] data) throws LineGone {
		line.emit(data);
	}
}
