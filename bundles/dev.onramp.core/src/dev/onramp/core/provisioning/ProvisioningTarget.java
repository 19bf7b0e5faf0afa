/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.onramp.core.Secret;

/**
 * Where and how to reach a device for provisioning.
 *
 * @param address       {@code HOST:PORT} for protocomm, a port or {@code socket://} URL for serial transports
 * @param security      {@code auto}, {@code 0}, {@code 1} or {@code 2} for protocomm; ignored otherwise
 * @param username      security 2 user name ({@code wifiprov} by default)
 * @param proofOfPossession the PoP, when the device needs one
 * @param timeout       the bound for the whole operation
 */
public record ProvisioningTarget(String address, String security, String username,
		Optional<Secret> proofOfPossession, Duration timeout) {

	public ProvisioningTarget {
		Objects.requireNonNull(address);
		security = security == null ? "auto" : security; //$NON-NLS-1$
		username = username == null ? "wifiprov" : username; //$NON-NLS-1$
		proofOfPossession = proofOfPossession == null ? Optional.empty() : proofOfPossession;
		Objects.requireNonNull(timeout);
	}
}
