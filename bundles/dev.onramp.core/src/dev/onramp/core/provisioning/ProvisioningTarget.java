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
 * @param address       {@code HOST:PORT} for protocomm over SoftAP, a serial port (a path, {@code socket://} or
 *                      {@code rfc2217://} URL) for the console transport and the serial protocols, the advertised
 *                      name for BLE
 * @param security      {@code auto}, {@code 0}, {@code 1} or {@code 2} for protocomm; ignored otherwise
 * @param username      security 2 user name ({@code wifiprov} by default)
 * @param proofOfPossession the PoP, when the device needs one
 * @param timeout       the bound for the whole operation
 * @param transport     how protocomm reaches the device; ignored by Improv and the REPL
 */
public record ProvisioningTarget(String address, String security, String username,
		Optional<Secret> proofOfPossession, Duration timeout, ProvisioningTransport transport) {

	/** A target reached over SoftAP HTTP (protocomm) or, for Improv and the REPL, over its serial port. */
	public ProvisioningTarget(String address, String security, String username, Optional<Secret> proofOfPossession,
			Duration timeout) {
		this(address, security, username, proofOfPossession, timeout, ProvisioningTransport.SOFTAP);
	}

	public ProvisioningTarget {
		Objects.requireNonNull(address);
		security = security == null ? "auto" : security; //$NON-NLS-1$
		username = username == null ? "wifiprov" : username; //$NON-NLS-1$
		proofOfPossession = proofOfPossession == null ? Optional.empty() : proofOfPossession;
		Objects.requireNonNull(timeout);
		transport = transport == null ? ProvisioningTransport.SOFTAP : transport;
	}

	/** @return this target reached over {@code newTransport} at {@code newAddress} */
	public ProvisioningTarget withTransport(ProvisioningTransport newTransport, String newAddress) {
		return new ProvisioningTarget(newAddress, security, username, proofOfPossession, timeout, newTransport);
	}
}
