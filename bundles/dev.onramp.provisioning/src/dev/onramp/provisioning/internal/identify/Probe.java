/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.PortIdentity;

/** One protocol the {@link PortProbe} tries on a port. */
interface Probe {

	/** @return the protocol, for progress and messages: {@code Improv}, {@code MicroPython REPL}, ... */
	String protocol();

	/** @return whether the device's output so far points at this protocol, so that it is tried first */
	boolean suits(LineEvidence evidence);

	/**
	 * Asks the device in this protocol, within the probe's own short deadlines.
	 *
	 * @return the identity, or empty when the device did not answer in this protocol
	 * @throws OnrampException only when the line itself fails ({@code DEVICE_VANISHED}, {@code CANCELLED}) or the
	 *                         device answered in this protocol and then failed
	 */
	Optional<PortIdentity> identify(ProbeLine line, String port, IProgressMonitor monitor) throws OnrampException;
}
