/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code onramp verify} checks: the certificate served at an {@code https} URL, compared with a pinned
 * fingerprint, with a CA certificate file, or (neither given) with the local CA.
 *
 * @param url                 {@code https://host[:port]}; the host is the name sent as SNI and verified
 * @param connectAddress      where to connect instead of resolving the host (a {@code .local} name that the
 *                            system resolver cannot resolve); SNI and verification still use the host
 * @param expectedFingerprint SHA-256 of the certificate the device must serve (hex, colons and case ignored)
 * @param caCertificateFile   PEM or DER file with the CA certificate(s) to trust instead of the local CA
 * @param timeout             bound on connecting plus the TLS handshake
 */
public record VerificationRequest(URI url, Optional<InetAddress> connectAddress, Optional<String> expectedFingerprint,
		Optional<Path> caCertificateFile, Duration timeout) {

	/** Long enough for a busy ESP32 to finish an RSA handshake, short enough for a fleet run. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	public VerificationRequest {
		Objects.requireNonNull(url);
		if (url.getScheme() == null || !"https".equals(url.getScheme().toLowerCase(Locale.ROOT)) //$NON-NLS-1$
				|| url.getHost() == null) {
			throw new IllegalArgumentException("Not an https URL with a host: " + url); //$NON-NLS-1$
		}
		Objects.requireNonNull(connectAddress);
		Objects.requireNonNull(expectedFingerprint);
		Objects.requireNonNull(caCertificateFile);
		if (expectedFingerprint.isPresent() && caCertificateFile.isPresent()) {
			throw new IllegalArgumentException("Give a fingerprint or a CA file, not both"); //$NON-NLS-1$
		}
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The timeout must be positive"); //$NON-NLS-1$
		}
	}

	/** @return a check against the local CA with host name verification */
	public static VerificationRequest againstLocalCa(URI url) {
		return new VerificationRequest(url, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_TIMEOUT);
	}

	/** @return a check that the device serves exactly the certificate with this SHA-256 fingerprint */
	public static VerificationRequest pinned(URI url, String fingerprintSha256) {
		return new VerificationRequest(url, Optional.empty(), Optional.of(fingerprintSha256), Optional.empty(),
				DEFAULT_TIMEOUT);
	}

	/** @return a check against the CA certificate(s) in a PEM or DER file, with host name verification */
	public static VerificationRequest againstCaFile(URI url, Path caCertificateFile) {
		return new VerificationRequest(url, Optional.empty(), Optional.empty(), Optional.of(caCertificateFile),
				DEFAULT_TIMEOUT);
	}

	/** @return this request, connecting to {@code address} instead of resolving the URL's host */
	public VerificationRequest connectingTo(InetAddress address) {
		return new VerificationRequest(url, Optional.of(address), expectedFingerprint, caCertificateFile, timeout);
	}

	public VerificationRequest withTimeout(Duration newTimeout) {
		return new VerificationRequest(url, connectAddress, expectedFingerprint, caCertificateFile, newTimeout);
	}

	/** @return the host name from the URL, without brackets for IPv6 literals */
	public String host() {
		String host = url.getHost();
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return the URL's port, 443 when it has none */
	public int port() {
		return url.getPort() < 0 ? 443 : url.getPort();
	}
}
