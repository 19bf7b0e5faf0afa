/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.onramp.core.certs.CaInfo;

/** How to trust the local CA on each platform; the text lives in {@code trust-instructions.txt} next to this class. */
final class TrustInstructions {

	private static final String RESOURCE = "trust-instructions.txt"; //$NON-NLS-1$

	private TrustInstructions() {
	}

	static String forCertificate(CaInfo ca, Path exportedCertificate) {
		String template;
		try (InputStream in = TrustInstructions.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the bundle"); //$NON-NLS-1$
			}
			template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String file = exportedCertificate.toAbsolutePath().toString();
		return template.replace("${file}", file) //$NON-NLS-1$
				.replace("${name}", ca.subject()) //$NON-NLS-1$
				.replace("${fingerprint}", ca.fingerprintSha256()) //$NON-NLS-1$
				.replace("${notAfter}", ca.notAfter().toString()); //$NON-NLS-1$
	}
}
