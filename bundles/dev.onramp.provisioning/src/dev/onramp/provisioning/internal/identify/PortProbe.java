/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.PortIdentity;

/**
 * Finds out what answers on one line, without harming whatever it is.
 * <p>
 * Before sending anything it listens until the line has been quiet for {@link #QUIET} (at most {@link #LISTEN}), or
 * until the output already decides the first probe (a prompt, MicroPython's signs, a program printing plain text
 * line after line, see {@link LineEvidence.Hint#RUNNING_TEXT}):
 * a board that reset when the port opened finishes its boot log, an ESP-IDF console finishes its terminal check
 * (linenoise takes any bytes that arrive within 200 ms of its {@code ESC[5n} for a terminal's answer and would then
 * expect a terminal that answers cursor queries), and what the device printed on its own may already say what it
 * is.
 * <p>
 * Then it tries the protocols one after the other, each within a deadline of a few seconds. Without a sign from the
 * device the order is Improv, MicroPython REPL, ESP-IDF console, chosen for what each one's bytes do to the others:
 * <ul>
 * <li><b>Improv first.</b> A frame is self-delimiting, and the other devices shrug it off. An ESP-IDF console in
 * dumb mode echoes it, drops its control bytes, runs the line {@code IMPROV} up to the frame's {@code \n} and prints
 * "Unrecognized command" and its prompt. On MicroPython's friendly REPL the frame's Ctrl-C cancels the text it
 * typed, its Ctrl-B reprints the banner and the rest is no printable text; a running main.py is interrupted by that
 * Ctrl-C, which the REPL probe would do anyway. Either way the reply points the next step at the right protocol.</li>
 * <li><b>MicroPython REPL second.</b> Ctrl-C, then Ctrl-A for the raw REPL: Improv firmware skips bytes outside a
 * frame; an ESP-IDF console echoes them, removes them from the line as unprintable and runs the empty line, which
 * does nothing.</li>
 * <li><b>ESP-IDF console last.</b> It starts with Enter, which at a MicroPython prompt would run whatever stood on the
 * line, and then types {@code help} (and {@code version} if listed), which only a console should receive.</li>
 * </ul>
 * Whenever the output so far points at one protocol (MicroPython's banner, prompt or traceback, or a program printing
 * plain text without end; a console's prompt or "Unrecognized command") that one goes next, so a console already seen is never sent an interrupt, and a
 * MicroPython board never an Enter it did not need. A silent line costs about six seconds in all.
 */
final class PortProbe {

	static final Duration QUIET = Duration.ofMillis(300);
	static final Duration LISTEN = Duration.ofSeconds(1);

	private final ProbeLine line;
	private final String port;
	private final List<Probe> probes;

	/** @param probes in the order to try them when the device gives no sign */
	PortProbe(ProbeLine line, String port, List<Probe> probes) {
		this.line = line;
		this.port = port;
		this.probes = List.copyOf(probes);
	}

	PortIdentity identify(IProgressMonitor monitor) throws OnrampException {
		long started = System.nanoTime();
		SubMonitor sub = SubMonitor.convert(monitor, "Identifying the device on " + port, probes.size() + 1); //$NON-NLS-1$
		listen();
		sub.worked(1);
		List<Probe> remaining = new ArrayList<>(probes);
		while (!remaining.isEmpty()) {
			Probe probe = next(remaining, LineEvidence.of(line.transcript()));
			remaining.remove(probe);
			sub.subTask("trying " + probe.protocol()); //$NON-NLS-1$
			Optional<PortIdentity> identity = probe.identify(line, port, sub.split(1));
			if (identity.isPresent()) {
				return identity.get();
			}
		}
		throw nothingAnswered(Duration.ofNanos(System.nanoTime() - started), LineEvidence.of(line.transcript()));
	}

	/** Reads until the line is quiet or the device waits at a prompt, for at most {@link #LISTEN}. */
	private void listen() throws OnrampException {
		long end = System.nanoTime() + LISTEN.toNanos();
		byte[] buffer = new byte[512];
		long left;
		while ((left = end - System.nanoTime()) > 0) {
			if (line.read(buffer, 0, buffer.length, Duration.ofNanos(Math.min(QUIET.toNanos(), left))) == 0
					|| decided(LineEvidence.of(line.transcript()))) {
				return;
			}
		}
	}

	/**
	 * @return whether the output already says what to try first, so that waiting for quiet would only cost time: the
	 *         device waits at a prompt, MicroPython has shown itself, or a program prints on without end (it would
	 *         keep the line busy until {@link #LISTEN})
	 */
	private static boolean decided(LineEvidence evidence) {
		if (evidence.waitsForInput()) {
			return true;
		}
		LineEvidence.Hint hint = evidence.hint();
		return hint == LineEvidence.Hint.MICROPYTHON || hint == LineEvidence.Hint.RUNNING_TEXT;
	}

	private static Probe next(List<Probe> remaining, LineEvidence evidence) {
		return remaining.stream().filter(p -> p.suits(evidence)).findFirst().orElse(remaining.get(0));
	}

	private OnrampException nothingAnswered(Duration elapsed, LineEvidence seen) {
		String tried = "No MicroPython REPL, Improv device or ESP-IDF console answered on " + port + " within " //$NON-NLS-1$ //$NON-NLS-2$
				+ (elapsed.toMillis() + 999) / 1000 + " s"; //$NON-NLS-1$
		if (seen.silent()) {
			return new OnrampException(FailureReason.TIMEOUT, tried + ": the device sent nothing at all.", //$NON-NLS-1$
					"Check that the firmware runs (press the board's reset button), that the cable carries data (not a charge-only cable) and that this is the board's port."); //$NON-NLS-1$
		}
		if (seen.garbage()) {
			return new OnrampException(FailureReason.TIMEOUT,
					tried + ": the line carried " + seen.size() + " bytes of garbage (" + seen.sample() + " ...).", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"Check the baud rate: Onramp talks at 115200 baud, the default of MicroPython, Improv firmware and ESP-IDF consoles. A board that crashes in a boot loop sends garbage too: watch it in a serial monitor."); //$NON-NLS-1$
		}
		if (seen.espIdfLog()) {
			return new OnrampException(FailureReason.TIMEOUT,
					tried + ": it prints ESP-IDF log lines (the last: \"" + seen.lastLine() //$NON-NLS-1$
							+ "\") but offers no console, REPL or Improv.", //$NON-NLS-1$
					"Check that the firmware starts an esp_console REPL or Improv at 115200 baud, and that no other program holds the port."); //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.TIMEOUT, tried + ": it printed \"" + seen.lastLine() + "\".", //$NON-NLS-1$ //$NON-NLS-2$
				"Check that the firmware offers a MicroPython REPL, Improv or an ESP-IDF console at 115200 baud, and that no other program (a serial monitor, mpremote, Thonny) holds the port."); //$NON-NLS-1$
	}
}
