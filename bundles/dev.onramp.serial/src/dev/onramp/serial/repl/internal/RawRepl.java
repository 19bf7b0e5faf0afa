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
import dev.onramp.core.serial.IModemLines;

/**
 * MicroPython's raw REPL protocol on one channel (see MicroPython {@code shared/runtime/pyexec.c}): interrupting a
 * running program, entering the raw REPL, plain raw and raw-paste execution with window flow control, soft reset.
 * Every wait has a deadline.
 */
final class RawRepl {

	static final byte[] RAW_BANNER = ascii("raw REPL; CTRL-B to exit\r\n>"); //$NON-NLS-1$
	private static final byte[] SOFT_REBOOT = ascii("soft reboot\r\n"); //$NON-NLS-1$
	private static final byte[] SOFT_REBOOT_SAID = ascii("soft reboot"); //$NON-NLS-1$
	private static final Duration RESTART_ACKNOWLEDGED = Duration.ofSeconds(1);
	private static final byte[] INTERRUPT = { '\r', 3 };
	private static final byte[] ENTER_RAW = { '\r', 1 };
	private static final byte[] RAW_PASTE_REQUEST = { 5, 'A', 1 };
	private static final byte[] EOT = { 4 };
	private static final byte[] PROMPT = { '>' };
	private static final int PLAIN_CHUNK = 256;
	private static final int ENTER_ATTEMPTS = 3;
	private static final int RESET_ATTEMPTS = 2;
	/** With reset lines at hand, one polite Ctrl-C gets this long before the board is restarted. */
	private static final Duration FIRST_TRY = Duration.ofMillis(1500);
	/**
	 * With reset lines at hand, a program that prints this many lines after Ctrl-C and Ctrl-A without the raw REPL
	 * answering has ignored them, and the board is restarted at once instead of after {@link #FIRST_TRY}. A program
	 * that takes Ctrl-C prints at most about eight lines (its traceback, MicroPython's banner, the prompt) before the
	 * raw REPL's banner; lines already on their way when Ctrl-C arrived (a USB-UART bridge buffers a few) stay well
	 * below the limit.
	 */
	static final int IGNORED_AFTER_LINES = 24;
	/**
	 * An ESP32 prints pyDirect's boot banner about a second after a reset (ROM, bootloader, MicroPython, boot.py): a
	 * reset gets at least this long, even when the caller's limit ends sooner.
	 */
	static final Duration BOOT_WAIT = Duration.ofSeconds(3);
	private static final long AFTER_INTERRUPT_MILLIS = 1000;

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
	 * time is left, since a busy program may print on after the first interrupt. A program that ignores Ctrl-C
	 * (pyDirect's main.py) is reached by restarting the board and interrupting it at its boot banner: through RTS when
	 * the line carries the reset lines, else, when {@code resetButtonWait} allows, by asking a person to press RESET.
	 */
	void enter(Duration timeout, Duration resetButtonWait, IProgressMonitor monitor) throws OnrampException {
		long deadline = ReplReader.deadline(timeout);
		ByteArrayOutputStream seen = new ByteArrayOutputStream();
		BootCatcher boot = new BootCatcher(reader);
		Optional<IModemLines> lines = boot.resetLines();
		if (interruptAndEnter(boot, lines.isPresent() ? 1 : ENTER_ATTEMPTS, deadline, seen, monitor)) {
			return;
		}
		boolean resetRefused = false;
		boolean bannerSeen = false;
		if (lines.isPresent()) {
			// the caller's limit, but never less than a board needs to boot as far as boot.py
			long resetDeadline = Math.max(deadline, ReplReader.deadline(BOOT_WAIT));
			for (int attempt = 0; attempt < RESET_ATTEMPTS && System.nanoTime() - resetDeadline < 0; attempt++) {
				subTask(monitor, "Restarting the board on " + port + " to reach its REPL"); //$NON-NLS-1$ //$NON-NLS-2$
				BootCatcher.Outcome outcome = boot.resetAndInterrupt(lines.get(), resetDeadline, monitor);
				if (outcome != BootCatcher.Outcome.INTERRUPTED) {
					resetRefused = outcome == BootCatcher.Outcome.REFUSED;
					break;
				}
				bannerSeen = true;
				if (enterAfterInterrupt(seen, resetDeadline)) {
					return;
				}
			}
		}
		if (resetRefused && interruptAndEnter(boot, ENTER_ATTEMPTS - 1, deadline, seen, monitor)) {
			// no reset lines after all (a pseudo-terminal): a busy program yielded to more interrupts
			return;
		}
		if (!resetButtonWait.isZero() && !resetButtonWait.isNegative()) {
			subTask(monitor, "Press RESET on the board: its program ignores Ctrl-C (" + port + ")"); //$NON-NLS-1$ //$NON-NLS-2$
			if (boot.interruptAtBanner(ReplReader.deadline(resetButtonWait), monitor)) {
				bannerSeen = true;
				if (enterAfterInterrupt(seen, deadline)) {
					return;
				}
			}
		}
		throw failure(timeout, seen.toByteArray(), lines.isPresent() && !resetRefused, bannerSeen);
	}

	private boolean interruptAndEnter(BootCatcher boot, int attempts, long deadline, ByteArrayOutputStream seen,
			IProgressMonitor monitor) throws OnrampException {
		for (int attempt = 0; attempt < attempts && System.nanoTime() - deadline < 0; attempt++) {
			if (monitor != null && monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			reader.write(INTERRUPT);
			reader.write(INTERRUPT);
			long left = deadline - System.nanoTime();
			// with reset lines a program that prints on is not waited for: the reset reaches it
			int runningLines = attempts == 1 ? IGNORED_AFTER_LINES : 0;
			BootCatcher.Wait drained = boot.drainWatching(Duration.ofMillis(150),
					Duration.ofNanos(Math.max(1, Math.min(left / 3, 600_000_000L))), seen, runningLines);
			if (drained == BootCatcher.Wait.BOOT_INTERRUPTED) {
				// the board restarted while its output drained (someone pressed RESET): it was interrupted at its banner
				if (enterAfterInterrupt(seen, deadline)) {
					return true;
				}
				continue;
			}
			if (drained == BootCatcher.Wait.STILL_RUNNING) {
				// it printed on after Ctrl-C: Ctrl-A would reach the program, not the REPL; the reset reaches it
				continue;
			}
			reader.write(ENTER_RAW);
			// a single try (reset lines at hand) is short; of several, each but the last gets half the time left
			long attemptDeadline = attempts == 1 ? Math.min(deadline, ReplReader.deadline(FIRST_TRY))
					: attempt == attempts - 1 ? deadline
							: Math.min(deadline, System.nanoTime()
									+ Math.max(1_000_000_000L, (deadline - System.nanoTime()) / 2));
			BootCatcher.Wait answer = boot.awaitRawBanner(RAW_BANNER, attemptDeadline, seen, runningLines);
			if (answer == BootCatcher.Wait.RAW_REPL
					|| answer == BootCatcher.Wait.BOOT_INTERRUPTED && enterAfterInterrupt(seen, deadline)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * After the boot banner was interrupted: the board prints its traceback and the friendly prompt. Takes until
	 * {@code limit}, but at least {@value #AFTER_INTERRUPT_MILLIS} ms: an interrupted board answers at once.
	 */
	private boolean enterAfterInterrupt(ByteArrayOutputStream seen, long limit) throws OnrampException {
		long end = Math.max(limit, ReplReader.deadline(Duration.ofMillis(AFTER_INTERRUPT_MILLIS)));
		seen.writeBytes(reader.drain(Duration.ofMillis(150), Duration.ofNanos(Math.max(1, Math.min(600_000_000L,
				(end - System.nanoTime()) / 2)))));
		reader.write(ENTER_RAW);
		try {
			reader.readUntil(RAW_BANNER, end);
			return true;
		} catch (ReplReader.Timeout e) {
			seen.writeBytes(e.received());
			return false;
		}
	}

	private static void subTask(IProgressMonitor monitor, String text) {
		if (monitor != null) {
			monitor.subTask(text);
		}
	}

	private OnrampException failure(Duration timeout, byte[] received, boolean resetTried, boolean bannerSeen) {
		if (resetTried && !bannerSeen) {
			return new OnrampException(received.length == 0 ? FailureReason.TIMEOUT : FailureReason.PROTOCOL_ERROR,
					"Could not enter the raw REPL: the board on " + port //$NON-NLS-1$
							+ " ignored Ctrl-C and did not print its boot banner after a reset through RTS" //$NON-NLS-1$
							+ (received.length == 0 ? "." : " (it printed \"" + ReplReader.show(received) + "\")."), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"Press the board's RESET button and retry; check that another program (a serial monitor, mpremote, Thonny) does not use the port and that the board runs MicroPython at 115200 baud."); //$NON-NLS-1$
		}
		if (bannerSeen) {
			return new OnrampException(FailureReason.PROTOCOL_ERROR,
					"Could not enter the raw REPL: the board on " + port //$NON-NLS-1$
							+ " restarted, but its program started before Ctrl-C could stop it (it printed \"" //$NON-NLS-1$
							+ ReplReader.show(received) + "\").", //$NON-NLS-1$
					"Retry; check that another program (a serial monitor, mpremote, Thonny) does not use the port and that the baud rate is 115200 (MicroPython's); if it keeps failing, reinstall the board's firmware."); //$NON-NLS-1$
		}
		if (received.length == 0) {
			return new OnrampException(FailureReason.TIMEOUT,
					"Could not enter the raw REPL: the device on " + port + " did not answer within " //$NON-NLS-1$ //$NON-NLS-2$
							+ timeout.toMillis() / 1000.0 + " s.", //$NON-NLS-1$
					"Check that the board runs MicroPython, that the cable carries data and that the port is the board's; press reset and retry."); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"Could not enter the raw REPL: the device on " + port + " printed \"" + ReplReader.show(received) //$NON-NLS-1$ //$NON-NLS-2$
						+ "\".", //$NON-NLS-1$
				"Is another program (a serial monitor, mpremote, Thonny) using the port, or is the baud rate wrong (MicroPython uses 115200)? If the board's program ignores Ctrl-C (pyDirect), press its RESET button while Onramp connects, or use a port that carries the reset lines (the board's USB port, or rfc2217://)."); //$NON-NLS-1$
	}

	/** Leaves the raw REPL for the friendly one. */
	void exit() throws OnrampException {
		reader.write(new byte[] { '\r', 2 });
	}

	/**
	 * Leaves the raw REPL and soft-reboots at the empty friendly prompt ({@code Ctrl-D}): the board runs boot.py and
	 * main.py again, as it did before it was interrupted.
	 */
	void exitAndRestart() throws OnrampException {
		reader.write(new byte[] { '\r', 2, 4 });
		try {
			// the board says so at once; closing the port before it has read the bytes could lose them
			reader.readUntil(SOFT_REBOOT_SAID, ReplReader.deadline(RESTART_ACKNOWLEDGED));
		} catch (ReplReader.Timeout e) {
			// a board that does not say it restarts: nothing more to do for it
		}
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
