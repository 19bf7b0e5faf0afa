/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

/**
 * What the user can supply to get past a failure. Services name it; each front end says how, in its own terms: the
 * command adds its option, the workbench points at its field. Service messages themselves stay front-end neutral.
 */
public enum Remedy {
	/** More time for the operation. */
	MORE_TIME,
	/** The device's proof of possession. */
	PROOF_OF_POSSESSION,
	/** The proof of possession and, for security 2, the user name. */
	SRP_CREDENTIALS,
	/** The security scheme, or following the one the device reports. */
	SECURITY_SCHEME,
	/** The provisioning endpoint, as HOST:PORT. */
	ENDPOINT,
	/** The network interfaces multicast DNS uses. */
	NETWORK_INTERFACE,
	/** The certificate's validity in days. */
	VALIDITY_DAYS,
	/** Another data directory (CA, inventory and state). */
	DATA_DIRECTORY,
	/** The addresses a certificate names, or a self-signed certificate instead of the local CA's. */
	CERTIFICATE_ADDRESSES,
	/** What a served certificate is checked against: the local CA (created first), a fingerprint or a CA file. */
	VERIFICATION_REFERENCE,
	/** Creating the local certificate authority (a new one, when the old one cannot be used). */
	NEW_CERTIFICATE_AUTHORITY,
	/** Another serial port, chosen from the list of this computer's serial ports. */
	SERIAL_PORT
}
