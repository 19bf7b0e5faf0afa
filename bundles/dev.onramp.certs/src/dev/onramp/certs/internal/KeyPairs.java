/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;

import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.KeyType;

/** Key generation and the signature algorithm each key signs with; the JDK's providers do the arithmetic. */
final class KeyPairs {

	private static final SecureRandom RANDOM = new SecureRandom();

	private KeyPairs() {
	}

	static KeyPair generate(KeyType type) {
		return switch (type) {
		case EC_P256 -> ec("secp256r1"); //$NON-NLS-1$
		case RSA_2048 -> rsa(2048);
		};
	}

	static KeyPair generate(CaKeyAlgorithm algorithm) {
		return switch (algorithm) {
		case EC_P256 -> ec("secp256r1"); //$NON-NLS-1$
		case RSA_3072 -> rsa(3072);
		};
	}

	/** @return SHA-256 with the key's own algorithm, as browsers expect for these key sizes */
	static String signatureAlgorithm(PrivateKey signingKey) {
		return signingKey instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	static SecureRandom random() {
		return RANDOM;
	}

	private static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC"); //$NON-NLS-1$
			generator.initialize(new ECGenParameterSpec(curve), RANDOM);
			return generator.generateKeyPair();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("This Java runtime cannot generate " + curve + " keys", e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static KeyPair rsa(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA"); //$NON-NLS-1$
			generator.initialize(bits, RANDOM);
			return generator.generateKeyPair();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("This Java runtime cannot generate RSA keys", e); //$NON-NLS-1$
		}
	}
}
