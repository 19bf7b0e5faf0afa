/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a device certificate must say.
 *
 * @param hostname     the device's mDNS name without {@code .local}
 * @param ipAddresses  addresses to add as IP subject alternative names
 * @param keyType      the key algorithm
 * @param validityDays how long the certificate is valid
 * @param trust        issued by the local CA or self-signed
 */
public record CertificateRequest(String hostname, List<InetAddress> ipAddresses, KeyType keyType, int validityDays,
		TrustMode trust) {

	public CertificateRequest {
		Objects.requireNonNull(hostname);
		ipAddresses = List.copyOf(ipAddresses);
		Objects.requireNonNull(keyType);
		Objects.requireNonNull(trust);
		if (validityDays <= 0) {
			throw new IllegalArgumentException("validity must be at least one day"); //$NON-NLS-1$
		}
	}
}
