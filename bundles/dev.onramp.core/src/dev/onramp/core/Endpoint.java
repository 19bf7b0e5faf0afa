/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Objects;

/** One way to reach a device, for example {@code SERIAL /dev/ttyACM0} or {@code WEB https://pydirect-e5f6.local/}. */
public record Endpoint(EndpointKind kind, String address) {

	public Endpoint {
		Objects.requireNonNull(kind);
		if (address == null || address.isBlank()) {
			throw new IllegalArgumentException("An endpoint needs an address"); //$NON-NLS-1$
		}
		address = address.trim();
	}

	@Override
	public String toString() {
		return kind + " " + address; //$NON-NLS-1$
	}
}
