/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

/**
 * A "blessing": give the device on {@code port} a new HTTPS certificate, install it, and (unless {@code reset} is
 * false) reset the device and check that it comes back serving exactly that certificate.
 *
 * @param port         the device's serial port, a {@code /dev/serial/by-id} link, {@code socket://HOST:PORT} or {@code rfc2217://HOST:PORT}
 * @param trust        signed by the local CA (default) or self-signed (the pyDirect web installer's profile)
 * @param hostname     the host name to certify; empty to use the one the device reports (pydirect-xxxx)
 * @param ipAddresses  extra IP subject alternative names
 * @param keyType      the device key
 * @param validityDays empty for the profile's default (397 days from the CA, 10 years self-signed)
 * @param reset        false stops after the verified install ({@code --no-reset})
 * @param waitTimeout  how long to wait for the device to come back after the reset
 * @param httpsPort    where the device's HTTPS is reached from here when not at the firmware's port 443 (a port
 *                     forward, a simulated device); empty to use the port announced over mDNS, else 443
 */
public record ReprovisionRequest(String port, TrustMode trust, Optional<String> hostname,
		List<InetAddress> ipAddresses, KeyType keyType, OptionalInt validityDays, boolean reset,
		Duration waitTimeout, OptionalInt httpsPort) {

	/** Long enough for a reboot and a Wi-Fi join (~10 s on pyDirect), with margin. */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

	public ReprovisionRequest {
		Objects.requireNonNull(port);
		Objects.requireNonNull(trust);
		Objects.requireNonNull(hostname);
		ipAddresses = List.copyOf(ipAddresses);
		Objects.requireNonNull(keyType);
		Objects.requireNonNull(validityDays);
		Objects.requireNonNull(waitTimeout);
		Objects.requireNonNull(httpsPort);
	}

	/** A request for a device that serves HTTPS where its firmware does (pyDirect: port 443). */
	public ReprovisionRequest(String port, TrustMode trust, Optional<String> hostname, List<InetAddress> ipAddresses,
			KeyType keyType, OptionalInt validityDays, boolean reset, Duration waitTimeout) {
		this(port, trust, hostname, ipAddresses, keyType, validityDays, reset, waitTimeout, OptionalInt.empty());
	}

	/**
	 * @param value the port the device's HTTPS is reached at from here, when it is not the firmware's 443 (a port
	 *              forward, a simulated device)
	 */
	public ReprovisionRequest withHttpsPort(int value) {
		return new ReprovisionRequest(port, trust, hostname, ipAddresses, keyType, validityDays, reset, waitTimeout,
				OptionalInt.of(value));
	}

	/** @return the defaults of {@code onramp reprovision --port P} */
	public static ReprovisionRequest of(String port) {
		return new ReprovisionRequest(port, TrustMode.CA, Optional.empty(), List.of(), KeyType.EC_P256,
				OptionalInt.empty(), true, DEFAULT_WAIT);
	}
}
