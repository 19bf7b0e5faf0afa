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

/** Failures shared by the protocomm client's parts. Messages never carry a secret. */
public final class Protocomm {

	public static final String HANDSHAKE_HINT = "Check the proof of possession (PoP) printed on the device or its QR code, and for security 2 the username (default wifiprov). Onramp does not retry a rejected proof of possession by itself: firmware may stop provisioning after 5 wrong attempts."; //$NON-NLS-1$

	private Protocomm() {
	}

	public static OnrampException rejected(String message) {
		return new OnrampException(FailureReason.HANDSHAKE_REJECTED, message, HANDSHAKE_HINT);
	}

	public static OnrampException malformed(String endpoint, Exception cause) {
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"The device's answer on /" + endpoint + " is not a valid provisioning message.", //$NON-NLS-1$ //$NON-NLS-2$
				"Check that the device runs ESP-IDF Wi-Fi provisioning and that the endpoint address is right.", cause); //$NON-NLS-1$
	}
}
