/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.nio.file.Path;
import java.util.Optional;

import dev.onramp.core.OnrampException;

/**
 * The local certificate authority that the user trusts once ({@code onramp ca init | show | export}). Its name
 * constraints permit only {@code .local} names, {@code localhost} and private or link-local addresses, so trusting
 * it cannot let anyone impersonate a public site.
 */
public interface ICertificateAuthority {

	/**
	 * Creates the CA if the data directory has none; an existing CA is kept as it is, whatever the algorithm.
	 *
	 * @return the CA, new or existing
	 */
	CaInfo initialize(CaKeyAlgorithm algorithm) throws OnrampException;

	/** @return the CA, or empty when none has been created yet; needs no password */
	Optional<CaInfo> info() throws OnrampException;

	/** @return the CA certificate as PEM ({@code -----BEGIN CERTIFICATE-----}) */
	String exportPem() throws OnrampException;

	/** @return the CA certificate as DER, the form Windows and phones import most easily */
	byte[] exportDer() throws OnrampException;

	/**
	 * @param exportedCertificate where the user saved the exported certificate, quoted in the commands
	 * @return how to trust the CA on Linux, macOS, Windows, Firefox, Android and iOS, as plain text
	 */
	String trustInstructions(Path exportedCertificate) throws OnrampException;

	/**
	 * Replaces the CA with a new one. The old CA is not deleted: its key store and certificate move to a folder named
	 * by the time of the rotation under the data directory's CA folder, so it can be restored by hand. Devices the old
	 * CA blessed keep serving their certificates, which browsers that trust only the new CA reject: the result lists
	 * them, to be blessed again.
	 *
	 * @param algorithm the new CA's key
	 * @return what was retired, where it went, the new CA and the devices to bless again
	 * @throws OnrampException {@code USAGE} when there is no CA to rotate
	 */
	CaRotation rotate(CaKeyAlgorithm algorithm) throws OnrampException;
}
