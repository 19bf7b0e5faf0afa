/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

/** Key algorithms for the local certificate authority. */
public enum CaKeyAlgorithm {
	/** ECDSA on NIST P-256: the default; small, fast, accepted by every current browser and OS. */
	EC_P256("ec-p256"), //$NON-NLS-1$
	/** RSA with a 3072-bit modulus, for clients that cannot use ECDSA roots. */
	RSA_3072("rsa-3072"); //$NON-NLS-1$

	private final String cliName;

	CaKeyAlgorithm(String cliName) {
		this.cliName = cliName;
	}

	/** @return the name used on the command line and in reports */
	public String cliName() {
		return cliName;
	}

	public static CaKeyAlgorithm fromCliName(String name) {
		for (CaKeyAlgorithm algorithm : values()) {
			if (algorithm.cliName.equals(name)) {
				return algorithm;
			}
		}
		throw new IllegalArgumentException("Unknown CA key algorithm '" + name + "'; use ec-p256 or rsa-3072"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
