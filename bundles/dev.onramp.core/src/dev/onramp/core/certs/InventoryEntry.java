/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

import java.time.Instant;


/**
 * One certificate Onramp issued, as recorded in the data directory's inventory.
 *
 * @param hostname          the device's {@code <host>.local} name
 * @param serialHex         serial number, lower-case hex
 * @param fingerprintSha256 SHA-256 of the DER certificate, upper-case hex pairs separated by colons
 * @param keyType           the device key's algorithm
 * @param trust             CA-issued or self-signed
 * @param issuedAt          when Onramp issued it
 * @param notAfter          when it expires
 */
public record InventoryEntry(String hostname, String serialHex, String fingerprintSha256, KeyType keyType,
		TrustMode trust, Instant issuedAt, Instant notAfter) {
}
