/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.util.Objects;
import java.util.Optional;

import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.PortIdentity;

/**
 * How far the background identification of one serial port has come.
 *
 * @param status   running, done or failed
 * @param identity what answered, when identified
 * @param message  the failure's message, front-end neutral (for example that the port is busy)
 * @param hint     what the user can do about the failure
 */
public record Identification(Status status, Optional<PortIdentity> identity, Optional<String> message,
		Optional<String> hint) {

	/** Where an identification is. */
	public enum Status {
		RUNNING, IDENTIFIED, FAILED
	}

	public Identification {
		Objects.requireNonNull(status);
		Objects.requireNonNull(identity);
		Objects.requireNonNull(message);
		Objects.requireNonNull(hint);
	}

	public static Identification running() {
		return new Identification(Status.RUNNING, Optional.empty(), Optional.empty(), Optional.empty());
	}

	public static Identification identified(PortIdentity identity) {
		return new Identification(Status.IDENTIFIED, Optional.of(identity), Optional.empty(), Optional.empty());
	}

	public static Identification failed(OnrampException failure) {
		return new Identification(Status.FAILED, Optional.empty(), Optional.ofNullable(failure.getMessage()),
				failure.hint());
	}
}
