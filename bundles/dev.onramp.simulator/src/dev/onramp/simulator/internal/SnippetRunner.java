/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.onramp.core.OnrampException;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.internal.FirmwareLine.LineGone;

/**
 * Runs the snippets the simulated firmware's REPL receives, like MicroPython's {@code pyexec}: the interpreter keeps
 * its globals until {@link #reset()}; a running snippet reads the line through {@code sys.stdin.buffer} (the bytes
 * after the code go to the program, not the REPL; Ctrl-C raises {@code KeyboardInterrupt} unless
 * {@code micropython.kbd_intr(-1)}) and {@code sys.stdout.write} goes out at once.
 */
final class SnippetRunner {

	private static final int CTRL_C = 3;

	/** The line went away while a program read or wrote it. */
	private static final class LineLost extends RuntimeException {
		private static final long serialVersionUID = 1L;
	}

	private final DeviceState state;
	private final FirmwareLine line;
	private final BooleanSupplier stopped;
	private final StringBuilder stdout = new StringBuilder();
	private Interpreter interpreter;
	private int interruptChar = CTRL_C;

	/** @param stopped whether the firmware was stopped: a program waiting for stdin gives up */
	SnippetRunner(DeviceState state, FirmwareLine line, BooleanSupplier stopped) {
		this.state = state;
		this.line = line;
		this.stopped = stopped;
	}

	/** Starts a fresh interpreter, as a boot or soft reset does. */
	void reset() {
		interpreter = newInterpreter();
	}

	/** @return {stdout, traceback}, or {@code null} when the code reset the device */
	String[] execute(String code) throws LineGone {
		stdout.setLength(0);
		String error = ""; //$NON-NLS-1$
		interruptChar = CTRL_C; // pyexec arms Ctrl-C for every snippet
		try {
			interpreter.run(code);
		} catch (LineLost e) {
			throw new LineGone();
		} catch (DeviceRuntime.PowerLost e) {
			// the board is dead: it says nothing more, and its line goes with the power
			line.dropLine();
			throw new LineGone();
		} catch (Interpreter.LocatedException e) {
			error = e.exception().traceback(e.line());
		} catch (PyException e) {
			error = e.traceback(1);
		} catch (DeviceRuntime.ResetRequested e) {
			state.hardResets.incrementAndGet();
			state.network().reset();
			line.emit(stdout.toString());
			if (!state.options().resetKeepsLine()) {
				line.close();
			}
			return null;
		} catch (RuntimeException e) {
			error = new PyException("RuntimeError", String.valueOf(e.getMessage())).traceback(1); //$NON-NLS-1$
		}
		return new String[] { stdout.toString(), error };
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

	/** {@code sys.stdin.buffer.read(n)}: the bytes after the code first, then the line; blocks like the firmware. */
	private byte[] readStdin(int n) {
		ByteArrayOutputStream data = new ByteArrayOutputStream(n);
		byte[] buffer = line.newReadBuffer();
		while (data.size() < n) {
			if (line.hasHeld()) {
				takeStdin(line.takeHeld(), data);
				continue;
			}
			if (line.dropPending()) {
				line.dropLine();
				throw new LineLost();
			}
			if (stopped.getAsBoolean() || Thread.currentThread().isInterrupted()) {
				throw new LineLost();
			}
			try {
				Fault fault = state.fault();
				if (fault.kind() == Fault.Kind.GARBAGE) {
					line.babble(buffer);
					continue;
				}
				int got = line.receive(buffer, Math.min(buffer.length, n - data.size()), Duration.ofMillis(100));
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
			line.emit(text);
		} catch (LineGone e) {
			throw new LineLost();
		}
	}
}
