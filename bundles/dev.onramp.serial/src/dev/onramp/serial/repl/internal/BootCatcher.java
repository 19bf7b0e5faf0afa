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
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IModemLines;

/**
 * Reaches the REPL of a board whose program ignores Ctrl-C (pyDirect's main.py restarts its asyncio loop on
 * KeyboardInterrupt): the board restarts — reset through RTS, or by a person pressing RESET — and Ctrl-C goes out the
 * moment its boot.py prints {@value #BOOT_BANNER}, before main.py takes over (PROTOCOLS.md §4). Interrupting earlier
 * would hit MicroPython's own start-up (the frozen _boot.py mounts the file system), so nothing is sent before it.
 */
final class BootCatcher {

	/** What pyDirect's boot.py prints first. */
	static final String BOOT_BANNER = "System booting..."; //$NON-NLS-1$

	private static final byte[] BANNER = BOOT_BANNER.getBytes(StandardCharsets.US_ASCII);
	/** MicroPython's friendly prompt at the start of a line. */
	private static final byte[] FRIENDLY_PROMPT = "\n>>> ".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
	private static final byte[] FIRST_BURST = { 3, 3, 3 };
	private static final byte[] SECOND_BURST = { 3, 3 };
	/** The installer's pause between its two bursts: the first may land while boot.py still imports. */
	private static final long BURST_GAP_NANOS = Duration.ofMillis(30).toNanos();
	/** How often a wait looks at its progress monitor. */
	private static final Duration CANCEL_CHECK = Duration.ofMillis(100);

	private final ReplReader reader;

	BootCatcher(ReplReader reader) {
		this.reader = reader;
	}

	/** @return the line's reset lines, or empty when it has none or its driver refuses them */
	Optional<IModemLines> resetLines() {
		return reader.channel().modemLines();
	}

	/** How a reset through the modem lines went. */
	enum Outcome {
		/** The line's driver refused RTS/DTR (a pseudo-terminal). */
		REFUSED,
		/** No boot banner before the deadline. */
		NO_BANNER,
		/** The banner came and Ctrl-C went out at once. */
		INTERRUPTED
	}

	/** Resets the board through RTS (DTR released: a normal boot) and interrupts it at its boot banner. */
	Outcome resetAndInterrupt(IModemLines lines, long deadline, IProgressMonitor monitor) throws OnrampException {
		try {
			lines.resetIntoFirmware();
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.NOT_AVAILABLE) {
				return Outcome.REFUSED;
			}
			throw e;
		}
		return interruptAtBanner(deadline, monitor) ? Outcome.INTERRUPTED : Outcome.NO_BANNER;
	}

	/** What arrived while waiting for the raw REPL's banner. */
	enum Wait {
		/** The raw REPL answered. */
		RAW_REPL,
		/** The board restarted meanwhile (someone pressed RESET) and was interrupted at its boot banner. */
		BOOT_INTERRUPTED,
		/** The running program printed on, line after line, without the awaited answer: it ignored the keys. */
		STILL_RUNNING,
		/**
		 * While draining: the output stopped at MicroPython's friendly prompt, where the board waits for a key, so
		 * waiting for quiet would only cost time.
		 */
		PROMPT,
		/** Neither before the deadline. */
		NOTHING
	}

	/**
	 * Waits for {@code rawBanner}; if the board restarts meanwhile, interrupts it at its boot banner at once, so that a
	 * person pressing RESET while Onramp connects is never too late.
	 *
	 * @param seen collects what arrived (for messages)
	 */
	Wait awaitRawBanner(byte[] rawBanner, long deadline, ByteArrayOutputStream seen) throws OnrampException {
		return watch(deadline, null, rawBanner, seen, null, 0);
	}

	/**
	 * Like {@link #awaitRawBanner(byte[], long, ByteArrayOutputStream)}, but gives up as soon as the running program
	 * has printed {@code runningLines} more lines without the banner: a program that keeps printing after Ctrl-C and
	 * Ctrl-A ignored them (pyDirect's main.py), and waiting longer only delays the reset that reaches it.
	 */
	Wait awaitRawBanner(byte[] rawBanner, long deadline, ByteArrayOutputStream seen, int runningLines)
			throws OnrampException {
		return watch(deadline, null, rawBanner, seen, null, runningLines);
	}

	/**
	 * Discards the running program's output until the line is quiet for {@code quiet} or {@code max} has passed, like
	 * {@link ReplReader#drain}, but interrupts the board at once if it restarts meanwhile.
	 *
	 * @return whether the board restarted and was interrupted at its boot banner
	 */
	boolean drainWatching(Duration quiet, Duration max, ByteArrayOutputStream seen) throws OnrampException {
		return drainWatching(quiet, max, seen, 0) == Wait.BOOT_INTERRUPTED;
	}

	/**
	 * Like {@link #drainWatching(Duration, Duration, ByteArrayOutputStream)}, but also stops after
	 * {@code runningLines} lines (0: no such limit): a program that never falls quiet is not waited for.
	 *
	 * @return {@link Wait#BOOT_INTERRUPTED}, {@link Wait#STILL_RUNNING}, {@link Wait#PROMPT} when the output ended at
	 *         the friendly prompt, else {@link Wait#NOTHING} (quiet, or {@code max} passed)
	 */
	Wait drainWatching(Duration quiet, Duration max, ByteArrayOutputStream seen, int runningLines)
			throws OnrampException {
		return watch(ReplReader.deadline(max), quiet, null, seen, null, runningLines);
	}

	/**
	 * Watches the boot output until the banner arrives, then sends Ctrl-C at once (twice, as the pyDirect installer
	 * does).
	 *
	 * @return whether the banner came before {@code deadline}
	 */
	boolean interruptAtBanner(long deadline, IProgressMonitor monitor) throws OnrampException {
		return watch(deadline, null, null, new ByteArrayOutputStream(), monitor, 0) == Wait.BOOT_INTERRUPTED;
	}

	/**
	 * Reads until {@code end}, or until the line is quiet for {@code quiet} (when given), or until {@code rawBanner}
	 * (when given) arrives, or until {@code runningLines} lines have arrived (when more than 0); the boot banner
	 * interrupts the board at once, whatever else is awaited.
	 */
	private Wait watch(long end, Duration quiet, byte[] rawBanner, ByteArrayOutputStream seen, IProgressMonitor monitor,
			int runningLines) throws OnrampException {
		int raw = 0;
		int boot = 0;
		int lines = 0;
		int prompt = 0;
		while (System.nanoTime() - end < 0) {
			if (monitor != null && monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			int b = reader.readByte(Math.min(end, ReplReader.deadline(quiet != null ? quiet : CANCEL_CHECK)));
			if (b < 0) {
				if (quiet != null) {
					return Wait.NOTHING;
				}
				continue;
			}
			seen.write(b);
			if (rawBanner != null) {
				raw = advance(rawBanner, raw, b);
				if (raw == rawBanner.length) {
					return Wait.RAW_REPL;
				}
			}
			boot = advance(BANNER, boot, b);
			if (boot == BANNER.length) {
				interruptNow();
				return Wait.BOOT_INTERRUPTED;
			}
			if (b == '\n' && runningLines > 0 && ++lines >= runningLines) {
				return Wait.STILL_RUNNING;
			}
			if (quiet != null) {
				prompt = advance(FRIENDLY_PROMPT, prompt, b);
				if (prompt == FRIENDLY_PROMPT.length && !reader.hasPending()) {
					return Wait.PROMPT;
				}
				prompt = prompt == FRIENDLY_PROMPT.length ? 0 : prompt;
			}
		}
		return Wait.NOTHING;
	}

	/** Naive matching is enough: neither marker repeats its first byte inside itself before a mismatch matters. */
	private static int advance(byte[] marker, int matched, int b) {
		if (b == (marker[matched] & 0xff)) {
			return matched + 1;
		}
		return b == (marker[0] & 0xff) ? 1 : 0;
	}

	private void interruptNow() throws OnrampException {
		reader.write(FIRST_BURST);
		LockSupport.parkNanos(BURST_GAP_NANOS);
		reader.write(SECOND_BURST);
	}
}
