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
 * The device started an answer and the connection ended before it was complete. Unlike a close without any answer
 * (how protocomm rejects a request), this is never a verdict on the request; after the credentials were applied it
 * most likely means the device stopped its provisioning service.
 */
public class TruncatedReplyException extends OnrampException {

	private static final long serialVersionUID = 1L;

	public TruncatedReplyException(String address, String endpoint) {
		super(FailureReason.PROTOCOL_ERROR, "The device at " + address + " did not answer /" + endpoint //$NON-NLS-1$ //$NON-NLS-2$
				+ " as ESP-IDF provisioning does: its answer was cut short and the connection closed.", //$NON-NLS-1$
				"The device may have restarted or left provisioning mode, or the Wi-Fi link to its access point dropped; check it and run again."); //$NON-NLS-1$
	}
}
