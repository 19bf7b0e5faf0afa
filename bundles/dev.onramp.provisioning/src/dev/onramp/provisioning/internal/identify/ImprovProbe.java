/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.ImprovDeviceInfo;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IModemLines;
import dev.onramp.provisioning.internal.improv.ImprovClient;

/**
 * Improv Wi-Fi over serial: the "device info" RPC tells an Improv device (any Improv frame in reply does, even an
 * error), then its state and, where the firmware knows the command, its hostname. The request goes out twice, in
 * case the device was still booting when the port opened, unless the output says another kind of device is there
 * (a MicroPython sign, a console's answer, a program printing on without end).
 */
final class ImprovProbe implements Probe {

	static final Duration ANSWER = Duration.ofMillis(750);
	private static final int ATTEMPTS = 2;
	private static final List<String> STATES = List.of("stopped", "awaiting_authorization", "authorized", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"provisioning", "provisioned"); //$NON-NLS-1$ //$NON-NLS-2$

	@Override
	public String protocol() {
		return "Improv"; //$NON-NLS-1$
	}

	@Override
	public boolean suits(LineEvidence evidence) {
		// Improv devices print nothing that sets them apart before they are asked
		return false;
	}

	@Override
	public Optional<PortIdentity> identify(ProbeLine line, String port, IProgressMonitor monitor)
			throws OnrampException {
		ImprovClient client = new ImprovClient(new Watched(line), ANSWER, ANSWER);
		Optional<List<String>> info = deviceInfo(client, line);
		if (info.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> state = ask(client::requestState)
				.map(s -> s < STATES.size() ? STATES.get(s) : "0x" + Integer.toHexString(s)); //$NON-NLS-1$
		Optional<String> hostname = ask(client::hostname).flatMap(h -> h);
		return Optional.of(PortIdentity.improv(port, new ImprovDeviceInfo(info.get(), state, hostname),
				LineEvidence.of(line.transcript()).stationMac()));
	}

	/**
	 * @return the device-info strings, an empty list when the device answered with an Improv error, or empty when
	 *         no Improv frame came back
	 */
	private static Optional<List<String>> deviceInfo(ImprovClient client, ProbeLine line) throws OnrampException {
		for (int attempt = 1;; attempt++) {
			try {
				return Optional.of(client.deviceInfo());
			} catch (OnrampException e) {
				if (improvError(e)) {
					return Optional.of(List.of());
				}
				if (e.reason() != FailureReason.TIMEOUT) {
					throw e;
				}
			}
			if (attempt == ATTEMPTS || LineEvidence.of(line.transcript()).hint() != LineEvidence.Hint.NONE) {
				return Optional.empty();
			}
		}
	}

	/**
	 * The line as the Improv client sees it: once what the device printed since the last request shows another kind
	 * of device (MicroPython's banner after the frame's Ctrl-C and Ctrl-B, a console's "Unrecognized command" and
	 * prompt, a program printing on without end), the wait for the answer ends at once as a time-out would, instead
	 * of at {@link #ANSWER}. An answer frame that came with that output is read first.
	 */
	private static final class Watched implements IByteChannel {

		private final ProbeLine line;
		private long mark;

		Watched(ProbeLine line) {
			this.line = line;
			this.mark = line.received();
		}

		@Override
		public String name() {
			return line.name();
		}

		@Override
		public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
			if (LineEvidence.of(line.since(mark)).hint() != LineEvidence.Hint.NONE) {
				throw new OnrampException(FailureReason.TIMEOUT,
						"The device on " + line.name() + " answered the Improv request as another kind of device.", //$NON-NLS-1$ //$NON-NLS-2$
						"Identify it with another protocol."); //$NON-NLS-1$
			}
			return line.read(buffer, offset, length, timeout);
		}

		@Override
		public void write(byte[] data, int offset, int length) throws OnrampException {
			mark = line.received();
			line.write(data, offset, length);
		}

		@Override
		public boolean isOpen() {
			return line.isOpen();
		}

		@Override
		public Optional<IModemLines> modemLines() {
			return line.modemLines();
		}

		@Override
		public void close() {
			// the port outlives every probe
		}
	}

	/** The client reports an Improv error frame as one of these: the device speaks Improv. */
	private static boolean improvError(OnrampException e) {
		return e.reason() == FailureReason.PROTOCOL_ERROR || e.reason() == FailureReason.HANDSHAKE_REJECTED;
	}

	/** A question after the device has shown it speaks Improv. */
	@FunctionalInterface
	private interface Question<T> {
		T ask() throws OnrampException;
	}

	/** @return the answer, or empty when the firmware does not answer this question */
	private static <T> Optional<T> ask(Question<T> question) throws OnrampException {
		try {
			return Optional.of(question.ask());
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.TIMEOUT || improvError(e)) {
				return Optional.empty();
			}
			throw e;
		}
	}
}
