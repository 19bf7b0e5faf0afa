/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.io.IOException;
import java.util.function.UnaryOperator;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.simulator.protocomm.ProtocommFirmware;

/**
 * Between the client and a simulated protocomm device: every request reaches the device, and one chosen reply is
 * edited on its way back, so the client meets valid messages with one fault in them at any step of the protocol. It
 * enforces the transports' deadline the way real ones do, and reports a client that keeps asking (more exchanges than
 * any provisioning needs) as a hang.
 */
final class MitmTransport implements IProtocommTransport {

	/** Far more than scan + provision need; a client past it would run until its deadline. */
	static final int MAX_EXCHANGES = 200;

	private final ProtocommFirmware device;
	private final int faultAt;
	private final UnaryOperator<byte[]> fault;
	private final Deadline deadline;
	private int exchanges;

	MitmTransport(ProtocommFirmware device, int faultAt, UnaryOperator<byte[]> fault, Deadline deadline) {
		this.device = device;
		this.faultAt = faultAt;
		this.fault = fault;
		this.deadline = deadline;
	}

	@Override
	public String where() {
		return "in the fuzz harness"; //$NON-NLS-1$
	}

	@Override
	public byte[] exchange(String endpoint, byte[] request) throws OnrampException, DeviceClosedException {
		if (++exchanges > MAX_EXCHANGES) {
			throw new AssertionError("the client made more than " + MAX_EXCHANGES + " exchanges"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (deadline.expired()) {
			throw new OnrampException(FailureReason.TIMEOUT, "The fuzz harness's deadline passed."); //$NON-NLS-1$
		}
		byte[] reply;
		try {
			reply = device.handle(endpoint, request);
		} catch (IOException | RuntimeException e) {
			// the simulated firmware refuses what it cannot handle: protocomm drops the request
			throw new DeviceClosedException("The simulated device dropped the request"); //$NON-NLS-1$
		}
		if (reply == null) {
			throw new EndpointNotFoundException("fuzz", endpoint); //$NON-NLS-1$
		}
		return exchanges - 1 == faultAt ? fault.apply(reply) : reply;
	}

	int exchanges() {
		return exchanges;
	}

	@Override
	public void close() {
		// nothing to release
	}
}
