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

/** The device answered 404: its firmware does not offer the endpoint (older version or feature disabled). */
public class EndpointNotFoundException extends OnrampException {

	private static final long serialVersionUID = 1L;

	public EndpointNotFoundException(String address, String endpoint) {
		super(FailureReason.PROTOCOL_ERROR, "The device at " + address + " has no endpoint /" + endpoint + ".", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"Check that the firmware runs ESP-IDF provisioning with this feature enabled."); //$NON-NLS-1$
	}
}
