/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.ExecMode;
import dev.onramp.core.repl.ExecResult;
import dev.onramp.core.repl.MicroPythonError;

/**
 * MicroPython's raw REPL protocol on one channel (see MicroPython {@code shared/runtime/pyexec.c}): interrupting a
 * running program, entering the raw REPL, plain raw and raw-paste execution with window flow control, soft reset.
 * Every wait has a deadline.
 */
final class RawRepl {

	static final byte[] RAW_BANNER = ascii("raw REPL; CTRL-B to exit\r\n>"); //$NON-NLS-1$
	private static final byte[] SOFT_REBOOT = ascii("soft reboot\r\n"); //$NON-NLS-1$
	private static final byte[] INTERRUPT = { '\r', 3 };
	private static final byte[] ENTER_RAW = { '\r', 1 };
	private static final byte[] RAW_PASTE_REQUEST = { 5, 'A', 1 };
	private static final byte[] EOT = { 4 };
	private static final byte[] PROMPT = { '>' };
	private static final int PLAIN_CHUNK = 256;
	private static final int ENTER_ATTEMPTS = 3;

	private final ReplReader reader;
	private final String port;
	private ExecMode mode;

	RawRepl(ReplReader reader, boolean rawPaste) {
		this.reader = reader;
		this.port = reader.channel().name();
		this.mode = rawPaste ? ExecMode.RAW_PASTE : ExecMode.PLAIN_RAW;
	}

	ExecMode mode() {
		return mode;
	}

	/**
	 * Interrupts whatever runs (main.py loops) with Ctrl-C, drains its output and enters the raw REPL; retries while
	 * time is left, since a busy program may print on after the first interrupt.
	 */
	void enter(Duration timeout, IProgressMonitor monitor) throws OnrampException {
		long deadline = ReplReader.deadline(timeout);
		ByteArrayOutputStream seen = new ByteArrayOutputStream();
		for (int attempt = 0; attempt < ENTER_ATTEMPTS && System.nanoTime() - deadline < 0; attempt++) {
			if (monitor != null && monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			reader.write(INTERRUPT);
			reader.write(INTERRUPT);
			long left = deadline - System.nanoTime();
			seen.writeBytes(reader.drain(Duration.ofMillis(150), Duration.ofNanos(Math.max(1, Math.min(left / 3, 600_000_000L)))));
			reader.write(ENTER_RAW);
			long attemptDeadline = attempt == ENTER_ATTEMPTS - 1 ? deadline
					: Math.min(deadline, System.nanoTime() + Math.max(1_000_000_000L, (deadline - System.nanoTime()) / 2));
			try {
				reader.readUntil(RAW_BANNER, attemptDeadline);
				return;
			} catch (ReplReader.Timeout e) {
				seen.writeBytes(e.received());
			}
		}
		byte[] received = seen.toByteArray();
		if (received.length == 0) {
			throw new OnrampException(FailureReason.TIMEOUT,
					"Could not enter the raw REPL: the device on " + port + " did not answer within " //$NON-NLS-1$ //$NON-NLS-2$
							+ timeout.toMillis() / 1000.0 + " s.", //$NON-NLS-1$
					"Check that the board runs MicroPython, that the cable carries data and that the port is the board's; press reset and retry."); //$NON-NLS-1$
		}
		throw new OnrampException(FailureReason.PROTOCOL_ERROR,
				"Could not enter the raw REPL: the device on " + port + " printed \"" + ReplReader.show(received) //$NON-NLS-1$ //$NON-NLS-2$
						+ "\".", //$NON-NLS-1$
				"Is another program (a serial monitor, mpremote, Thonny) using the port, or is the baud rate wrong (MicroPython uses 115200)? Press reset and retry."); //$NON-NLS-1$
	}

	/** Leaves the raw REPL for the friendly one. */
	void exit() throws OnrampException {
		reader.write(new byte[] { '\r', 2 });
	}

	/** Ctrl-D at the empty raw prompt: the device soft-reboots and comes back to the raw REPL. */
	void softReset(Duration timeout) throws OnrampException {
		long deadline = ReplReader.deadline(timeout);
		reader.write(EOT);
		try {
			reader.readUntil(SOFT_REBOOT, deadline);
			reader.readUntil(RAW_BANNER, deadline);
		} catch (ReplReader.Timeout e) {
			throw e.toException("Soft reset failed", port, "Press the board's reset button and retry."); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	ExecResult exec(String code, Duration timeout) throws OnrampException {
		long deadline = ReplReader.deadline(timeout);
		start(code, timeout);
		return result(timeout, deadline);
	}

	/**
	 * Sends code and returns once the device runs it; what it prints is then the caller's to read, up to the end of
	 * its output, which {@link #result} reads.
	 */
	void start(String code, Duration timeout) throws OnrampException {
		byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
		long deadline = ReplReader.deadline(timeout);
		try {
			if (mode != ExecMode.RAW_PASTE || !startRawPaste(bytes, deadline)) {
				startPlain(bytes, deadline);
			}
		} catch (ReplReader.Timeout e) {
			throw timedOut(e, timeout);
		}
	}

	/** Reads stdout, the traceback and the prompt of the code that runs. */
	ExecResult result(Duration timeout, long deadline) throws OnrampException {
		try {
			return readResult(deadline);
		} catch (ReplReader.Timeout e) {
			throw timedOut(e, timeout);
		}
	}

	/** Reads the traceback and the prompt, once the code's stdout and its end marker have been read. */
	ExecResult resultAfterStdout(String stdout, Duration timeout) throws OnrampException {
		long deadline = ReplReader.deadline(timeout);
		try {
			String error = new String(reader.readUntil(EOT, deadline), StandardCharsets.UTF_8);
			reader.readUntil(PROMPT, deadline);
			return new ExecResult(stdout,
					error.isEmpty() ? Optional.empty() : Optional.of(MicroPythonError.parse(error)));
		} catch (ReplReader.Timeout e) {
			throw timedOut(e, timeout);
		}
	}

	private OnrampException timedOut(ReplReader.Timeout e, Duration timeout) {
		return e.toException("Running code on the device timed out after " + timeout.toMillis() / 1000.0 + " s", //$NON-NLS-1$ //$NON-NLS-2$
				port, "The code may still be running; reconnect to interrupt it."); //$NON-NLS-1$
	}

	/** @return false when the firmware has no raw-paste mode (then plain raw is used from now on) */
	private boolean startRawPaste(byte[] code, long deadline) throws OnrampException, ReplReader.Timeout {
		reader.write(RAW_PASTE_REQUEST);
		int r = reader.readByte(deadline);
		int status = reader.readByte(deadline);
		if (r == 'R' && status == 0) {
			mode = ExecMode.PLAIN_RAW;
			return false;
		}
		if (r != 'R' || status != 1) {
			// firmware before raw-paste: it took Ctrl-A as "enter raw REPL" and printed the banner again
			reader.readUntil(RAW_BANNER, deadline);
			mode = ExecMode.PLAIN_RAW;
			return false;
		}
		int low = reader.readByte(deadline);
		int high = reader.readByte(deadline);
		if (low < 0 || high < 0) {
			throw new ReplReader.Timeout(new byte[] { 'R', 1 });
		}
		int window = low | high << 8;
		if (window == 0) {
			throw protocolError("the device announced a raw-paste window of 0 bytes"); //$NON-NLS-1$
		}
		long credit = window;
		int sent = 0;
		boolean aborted = false;
		send: while (sent < code.length) {
			// flow control: wait for \x01 when the window is used up, else take only what already arrived;
			// \x04 means the device ended the paste early
			while (true) {
				int b = credit == 0 ? reader.readByte(deadline) : reader.poll();
				if (b < 0) {
					if (credit == 0) {
						throw new ReplReader.Timeout(new byte[0]);
					}
					break;
				}
				if (b == 1) {
					credit += window;
				} else if (b == 4) {
					aborted = true;
					break send;
				} else {
					throw protocolError("unexpected read during raw paste: 0x" + Integer.toHexString(b)); //$NON-NLS-1$
				}
			}
			int n = (int) Math.min(credit, code.length - sent);
			reader.write(code, sent, n);
			sent += n;
			credit -= n;
		}
		reader.write(EOT);
		if (!aborted) {
			byte[] before = reader.readUntil(EOT, deadline);
			for (byte b : before) {
				if (b != 1) {
					throw protocolError("could not complete raw paste: " + ReplReader.show(before)); //$NON-NLS-1$
				}
			}
		}
		return true;
	}

	private void startPlain(byte[] code, long deadline) throws OnrampException, ReplReader.Timeout {
		for (int offset = 0; offset < code.length; offset += PLAIN_CHUNK) {
			reader.write(code, offset, Math.min(PLAIN_CHUNK, code.length - offset));
		}
		reader.write(EOT);
		int o = reader.readByte(deadline);
		int k = reader.readByte(deadline);
		if (o != 'O' || k != 'K') {
			if (o < 0 || k < 0) {
				throw new ReplReader.Timeout(o < 0 ? new byte[0] : new byte[] { (byte) o });
			}
			throw protocolError("expected OK after the code, got " + ReplReader.show(new byte[] { (byte) o, (byte) k })); //$NON-NLS-1$
		}
	}

	/** stdout, \x04, traceback, \x04, > */
	private ExecResult readResult(long deadline) throws OnrampException, ReplReader.Timeout {
		String stdout = new String(reader.readUntil(EOT, deadline), StandardCharsets.UTF_8);
		String error = new String(reader.readUntil(EOT, deadline), StandardCharsets.UTF_8);
		reader.readUntil(PROMPT, deadline);
		return new ExecResult(stdout, error.isEmpty() ? Optional.empty() : Optional.of(MicroPythonError.parse(error)));
	}

	private OnrampException protocolError(String detail) {
		return new OnrampException(FailureReason.PROTOCOL_ERROR, "The MicroPython REPL on " + port + " misbehaved: " //$NON-NLS-1$ //$NON-NLS-2$
				+ detail + ".", "Is another program using the port? Press reset and retry."); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}
}
