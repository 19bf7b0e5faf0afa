/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

/** Key algorithms for device certificates. */
public enum KeyType {
	/** ECDSA on NIST P-256: the default, fast to generate, accepted by every browser. */
	EC_P256("ec-p256"), //$NON-NLS-1$
	/** RSA with 2048-bit modulus: the pyDirect web installer's profile. */
	RSA_2048("rsa-2048"); //$NON-NLS-1$

	private final String cliName;

	KeyType(String cliName) {
		this.cliName = cliName;
	}

	/** @return the name used on the command line and in reports */
	public String cliName() {
		return cliName;
	}

	public static KeyType fromCliName(String name) {
		for (KeyType type : values()) {
			if (type.cliName.equals(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown key type '" + name + "'; use ec-p256 or rsa-2048"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
