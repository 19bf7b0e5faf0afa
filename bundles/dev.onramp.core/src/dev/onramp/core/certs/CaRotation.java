/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@link ICertificateAuthority#rotate(CaKeyAlgorithm)} did: the CA it retired, where that CA's files were moved
 * (they are kept, not deleted), the new CA, and the devices the old CA blessed that must be blessed again so that
 * browsers trusting only the new CA accept them.
 *
 * @param previous      the retired CA
 * @param retiredFiles  the folder under the data directory that now holds the retired CA's key store and certificate
 * @param current       the new CA
 * @param toBlessAgain  the certificates the retired CA issued that are still valid, oldest first
 */
public record CaRotation(CaInfo previous, Path retiredFiles, CaInfo current, List<InventoryEntry> toBlessAgain) {

	public CaRotation {
		toBlessAgain = List.copyOf(toBlessAgain);
	}

	/**
	 * @return the still valid certificates among {@code entries} that {@code ca} issued: those issued under a CA
	 *         ({@link TrustMode#CA}) since the CA's start of validity (a rotation starts a new CA, so later ones
	 *         belong to it), and not expired at {@code now}
	 */
	public static List<InventoryEntry> blessedBy(CaInfo ca, List<InventoryEntry> entries, Instant now) {
		return entries.stream().filter(entry -> entry.trust() == TrustMode.CA)
				.filter(entry -> !entry.issuedAt().isBefore(ca.notBefore()))
				.filter(entry -> entry.notAfter().isAfter(now)).toList();
	}
}
