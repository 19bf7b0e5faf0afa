/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.repl.ReplOptions;

/**
 * The MicroPython REPL, through the REPL service: interrupt, raw REPL, then the identity (implementation, board, MAC,
 * pyDirect hostname). Leaving closes the raw REPL, so the board is at its friendly prompt, its main.py interrupted
 * until the next reset.
 */
final class ReplProbe implements Probe {

	static final Duration CONNECT = Duration.ofSeconds(3);

	private final IReplService repl;

	ReplProbe(IReplService repl) {
		this.repl = repl;
	}

	@Override
	public String protocol() {
		return "MicroPython REPL"; //$NON-NLS-1$
	}

	@Override
	public boolean suits(LineEvidence evidence) {
		LineEvidence.Hint hint = evidence.hint();
		return hint == LineEvidence.Hint.MICROPYTHON || hint == LineEvidence.Hint.RUNNING_TEXT;
	}

	@Override
	public Optional<PortIdentity> identify(ProbeLine line, String port, IProgressMonitor monitor)
			throws OnrampException {
		IReplSession session;
		try {
			session = repl.connect(() -> line, ReplOptions.defaults().withConnectTimeout(CONNECT), monitor);
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.TIMEOUT || e.reason() == FailureReason.PROTOCOL_ERROR) {
				return Optional.empty();
			}
			throw e;
		}
		// a raw REPL answered: from here on a failure is this device's, not a sign of another protocol
		try (session) {
			return Optional.of(PortIdentity.micropython(port, session.identify()));
		}
	}
}
