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
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.LineEnd;

/**
 * One power cycle of the simulated firmware on one line, following MicroPython's {@code pyexec.c}: boot output, a
 * main.py that prints until Ctrl-C, the friendly REPL, the raw REPL with plain and raw-paste execution (window
 * credits and {@code \x01} acknowledgements), soft reset ({@code Ctrl-D} at an empty raw prompt) and
 * {@code machine.reset()}, which drops the line. A running snippet reads the line through {@code sys.stdin.buffer}
 * (bytes after the code go to the program, not the REPL; Ctrl-C raises {@code KeyboardInterrupt} unless
 * {@code micropython.kbd_intr(-1)}) and {@code sys.stdout.write} goes out at once; the same pacing and faults apply.
 */
public final class Firmware {

	private enum Mode {
		MAIN_PY, FRIENDLY, RAW, RAW_PASTE
	}

	private static final byte CTRL_A = 1;
	private static final byte CTRL_B = 2;
	private static final byte CTRL_C = 3;
	private static final byte CTRL_D = 4;
	private static final byte CTRL_E = 5;
	private static final String RAW_BANNER = "raw REPL; CTRL-B to exit\r\n>"; //$NON-NLS-1$

	/** Signals that the host is gone while the device writes. */
	private static final class LineGone extends Exception {
		private static final long serialVersionUID = 1L;
	}

	/** The line went away while a program read or wrote it. */
	private static final class LineLost extends RuntimeException {
		private static final long serialVersionUID = 1L;
	}

	private final DeviceState state;
	private final IByteChannel line;
	private final LinePacer rxPacer;
	private final LinePacer txPacer;
	private final Random random = new Random(42);
	private final StringBuilder stdout = new StringBuilder();
	private Interpreter interpreter;
	private Mode mode = Mode.MAIN_PY;
	private final ByteArrayOutputStream input = new ByteArrayOutputStream();
	private long heartbeatCount;
	private long nextHeartbeat;
	private int pasteCredit;
	private int pasteConsumed;
	private volatile boolean stopped;
	/** What the REPL is handling; a program reading stdin takes the rest first. */
	private byte[] rx = new byte[0];
	private int rxPos;
	private int rxLength;
	private int interruptChar = CTRL_C;
	/** A {@link Fault.Kind#DROP_LINE} fault was reached: the line drops once the bytes before it are handled. */
	private boolean dropPending;
	private boolean dropped;

	/**
	 * @param baudRate 0 when the line itself is paced (or unthrottled), else the firmware paces its own reads and
	 *                 writes (TCP)
	 */
	public Firmware(DeviceState state, IByteChannel line, int baudRate) {
		this.state = state;
		this.line = line;
		this.rxPacer = new LinePacer(baudRate);
		this.txPacer = new LinePacer(baudRate);
	}

	public void stop() {
		stopped = true;
	}

	/** Runs until the line closes, drops, or the device resets. */
	public LineEnd run() {
		try {
			boot();
			byte[] buffer = new byte[rxPacer.paced() ? 16 : 4096];
			while (!stopped && !Thread.currentThread().isInterrupted()) {
				Fault fault = state.fault();
				if (fault.kind() == Fault.Kind.GARBAGE) {
					byte[] noise = new byte[24];
					random.nextBytes(noise);
					emit(noise);
					line.read(buffer, 0, buffer.length, Duration.ofMillis(30));
					continue;
				}
				if (fault.kind() == Fault.Kind.SILENT) {
					line.read(buffer, 0, buffer.length, Duration.ofMillis(50));
					continue;
				}
				long wait = mode == Mode.MAIN_PY ? Math.max(1, (nextHeartbeat - System.nanoTime()) / 1_000_000) : 100;
				int n = receive(buffer, buffer.length, Duration.ofMillis(wait));
				if (n > 0 || dropPending) {
					LineEnd end = handle(buffer, n);
					if (dropPending) {
						dropLine();
						return end != null ? end : LineEnd.LINE_DROPPED;
					}
					if (end != null) {
						return end;
					}
				}
				if (mode == Mode.MAIN_PY && System.nanoTime() >= nextHeartbeat) {
					heartbeat();
				}
			}
			return LineEnd.STOPPED;
		} catch (OnrampException | LineGone e) {
			return dropped ? LineEnd.LINE_DROPPED : LineEnd.LINE_CLOSED;
		}
	}

	/** Reads the line with pacing and the drop fault: bytes past the fault's count never arrive. */
	private int receive(byte[] buffer, int max, Duration wait) throws OnrampException {
		int n = line.read(buffer, 0, max, wait);
		if (n <= 0) {
			return n;
		}
		rxPacer.carry(n);
		Fault fault = state.fault();
		if (fault.kind() == Fault.Kind.DROP_LINE) {
			long allowed = fault.afterBytes() - state.receivedSinceFault.get();
			if (n >= allowed) {
				n = (int) Math.max(0, allowed);
				dropPending = true;
			}
		}
		state.receivedSinceFault.addAndGet(n);
		return n;
	}

	private void dropLine() {
		dropPending = false;
		dropped = true;
		state.setFault(Fault.none());
		line.close();
	}

	/** {@code sys.stdin.buffer.read(n)}: the bytes after the code first, then the line; blocks like the firmware. */
	private byte[] readStdin(int n) {
		ByteArrayOutputStream data = new ByteArrayOutputStream(n);
		byte[] buffer = new byte[rxPacer.paced() ? 16 : 4096];
		while (data.size() < n) {
			if (rxPos < rxLength) {
				takeStdin(rx[rxPos++], data);
				continue;
			}
			if (dropPending) {
				dropLine();
				throw new LineLost();
			}
			if (stopped || Thread.currentThread().isInterrupted()) {
				throw new LineLost();
			}
			try {
				Fault fault = state.fault();
				if (fault.kind() == Fault.Kind.GARBAGE) {
					byte[] noise = new byte[24];
					random.nextBytes(noise);
					emit(noise);
					line.read(buffer, 0, buffer.length, Duration.ofMillis(30));
					continue;
				}
				int got = receive(buffer, Math.min(buffer.length, n - data.size()), Duration.ofMillis(100));
				if (fault.kind() == Fault.Kind.SILENT) {
					continue; // a dead board: what arrives is lost
				}
				for (int i = 0; i < got; i++) {
					takeStdin(buffer[i], data);
				}
			} catch (OnrampException | LineGone e) {
				throw new LineLost();
			}
		}
		return data.toByteArray();
	}

	private void takeStdin(byte b, ByteArrayOutputStream data) {
		if (interruptChar >= 0 && (b & 0xff) == interruptChar) {
			throw new PyException("KeyboardInterrupt", ""); //$NON-NLS-1$ //$NON-NLS-2$
		}
		data.write(b);
	}

	private void flushStdout() {
		String text = stdout.toString();
		stdout.setLength(0);
		try {
			emit(text);
		} catch (LineGone e) {
			throw new LineLost();
		}
	}

	private void boot() throws LineGone {
		interpreter = newInterpreter();
		emit("ets Jul 29 2019 12:21:46\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"); //$NON-NLS-1$
		emit("System booting...\r\n"); //$NON-NLS-1$
		startMainPy();
	}

	private void startMainPy() {
		mode = Mode.MAIN_PY;
		nextHeartbeat = System.nanoTime();
	}

	private void heartbeat() throws LineGone {
		heartbeatCount++;
		emit("main.py: " + (state.pyDirect() ? "pyDirect" : "app") + " running, tick " + heartbeatCount + "\r\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		nextHeartbeat = System.nanoTime() + state.options().heartbeat().toNanos();
	}

	private Interpreter newInterpreter() {
		DeviceRuntime runtime = new DeviceRuntime(state, stdout, new DeviceRuntime.Console() {
			@Override
			public byte[] read(int n) {
				return readStdin(n);
			}

			@Override
			public void flush() {
				flushStdout();
			}

			@Override
			public void interruptChar(int c) {
				interruptChar = c;
			}
		});
		Map<String, Object> globals = new HashMap<>();
		globals.put("__name__", "__main__"); //$NON-NLS-1$ //$NON-NLS-2$
		return new Interpreter(globals, runtime::builtin, runtime::importModule);
	}

	private String banner() {
		return "MicroPython v" + state.version() + " on 2024-11-29; " + state.machine() //$NON-NLS-1$ //$NON-NLS-2$
				+ "\r\nType \"help()\" for more information.\r\n>>> "; //$NON-NLS-1$
	}

	/** @return how the run ends, or {@code null} to keep going */
	private LineEnd handle(byte[] buffer, int length) throws LineGone {
		rx = buffer;
		rxLength = length;
		for (rxPos = 0; rxPos < rxLength;) {
			byte b = rx[rxPos++];
			LineEnd end = switch (mode) {
			case MAIN_PY -> mainPy(b);
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

	private LineEnd mainPy(byte b) throws LineGone {
		if (b == CTRL_C) {
			emit("Traceback (most recent call last):\r\n  File \"main.py\", line 12, in <module>\r\n" //$NON-NLS-1$
					+ "KeyboardInterrupt: \r\n" + banner()); //$NON-NLS-1$
			mode = Mode.FRIENDLY;
			input.reset();
		}
		return null;
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
			emit("\r\nMPY: soft reboot\r\nSystem booting...\r\n"); //$NON-NLS-1$
			interpreter = newInterpreter();
			startMainPy();
		}
		case '\r' -> {
			emit("\r\n"); //$NON-NLS-1$
			String code = input.toString(StandardCharsets.UTF_8);
			input.reset();
			if (!code.isBlank()) {
				String[] result = execute(code);
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
			byte[] line = input.toByteArray();
			if (line.length == 2 && line[0] == CTRL_E) {
				input.reset();
				if (line[1] != 'A' || !state.options().rawPaste()) {
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
				interpreter = newInterpreter();
				return null;
			}
			state.plainRawExecs.incrementAndGet();
			String[] result = execute(code);
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
				result = execute(code);
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

	/** @return {stdout, traceback}, or {@code null} when the code reset the device */
	private String[] execute(String code) throws LineGone {
		stdout.setLength(0);
		String error = ""; //$NON-NLS-1$
		interruptChar = CTRL_C; // pyexec arms Ctrl-C for every snippet
		try {
			interpreter.run(code);
		} catch (LineLost e) {
			throw new LineGone();
		} catch (Interpreter.LocatedException e) {
			error = e.exception().traceback(e.line());
		} catch (PyException e) {
			error = e.traceback(1);
		} catch (DeviceRuntime.ResetRequested e) {
			state.hardResets.incrementAndGet();
			state.network().reset();
			emit(stdout.toString());
			if (!state.options().resetKeepsLine()) {
				line.close();
			}
			return null;
		} catch (RuntimeException e) {
			error = new PyException("RuntimeError", String.valueOf(e.getMessage())).traceback(1); //$NON-NLS-1$
		}
		return new String[] { stdout.toString(), error };
	}

	private void emit(String text) throws LineGone {
		emit(text.getBytes(StandardCharsets.UTF_8));
	}

	private void emit(byte[] data) throws LineGone {
		if (state.fault().kind() == Fault.Kind.SILENT) {
			return;
		}
		try {
			if (!txPacer.paced()) {
				line.write(data);
				return;
			}
			for (int offset = 0; offset < data.length; offset += 16) {
				int n = Math.min(16, data.length - offset);
				txPacer.carry(n);
				line.write(data, offset, n);
			}
		} catch (OnrampException e) {
			throw new LineGone();
		}
	}
}
