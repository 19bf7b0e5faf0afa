/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * The connection was reset (or broke under a write) while a request was under way. Protocomm rejects a request by
 * closing the connection in order, after reading all of it; a reset instead means the device restarted or the Wi-Fi
 * link to its access point dropped, so it is never a verdict on the proof of possession. After the credentials were
 * applied it is read like a close: the device most likely stopped its provisioning service.
 */
public class ConnectionResetException extends OnrampException {

	private static final long serialVersionUID = 1L;

	public ConnectionResetException(String address, String endpoint) {
		super(FailureReason.DEVICE_VANISHED, "The connection to the device at " + address + " was reset during /" //$NON-NLS-1$ //$NON-NLS-2$
				+ endpoint + ": the device restarted or the Wi-Fi link to it dropped.", //$NON-NLS-1$
				"This says nothing about the proof of possession. Check that the device is still in provisioning mode and that this computer is still joined to its access point (PROV_...), then run again."); //$NON-NLS-1$
	}
}
