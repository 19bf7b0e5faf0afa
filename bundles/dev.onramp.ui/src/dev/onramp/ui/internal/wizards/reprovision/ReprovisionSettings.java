/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.onramp.core.Hostnames;
import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.provisioning.ReprovisionRequest;

/** What the wizard's pages ask; read by the summary and turned into the request on Finish. UI thread only. */
final class ReprovisionSettings {

	TrustMode trust = TrustMode.CA;
	/** the host name without {@code .local}; empty until read from the board or typed */
	String hostname = ""; //$NON-NLS-1$
	KeyType keyType = KeyType.EC_P256;
	int validityDays = CertificateProfiles.DEFAULT_CA_VALIDITY_DAYS;
	/** where the board's HTTPS is reached from here when not at 443 (a port forward, a simulated board) */
	OptionalInt httpsPort = OptionalInt.empty();
	/** the local CA, once looked up: empty when none exists yet; null while unknown */
	Optional<CaInfo> ca;

	ReprovisionRequest request(String port, Duration wait) {
		ReprovisionRequest request = new ReprovisionRequest(port, trust,
				Optional.of(Hostnames.withoutLocalSuffix(hostname)), List.of(), keyType, OptionalInt.of(validityDays),
				true, wait);
		return httpsPort.isPresent() ? request.withHttpsPort(httpsPort.getAsInt()) : request;
	}

	/** @return the host name as browsers reach it */
	String localName() {
		return Hostnames.toLocal(Hostnames.withoutLocalSuffix(hostname));
	}

	static int defaultValidity(TrustMode trust) {
		return trust == TrustMode.CA ? CertificateProfiles.DEFAULT_CA_VALIDITY_DAYS
				: CertificateProfiles.PYDIRECT_VALIDITY_DAYS;
	}
}
