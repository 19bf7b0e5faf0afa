/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.ByteArrayInputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.util.io.pem.PemWriter;

import dev.onramp.core.Secret;

/** PEM encoding with Bouncy Castle, and certificate parsing with the JDK (PEM or DER). */
public final class Pem {

	private Pem() {
	}

	/** @return the certificates as consecutive {@code CERTIFICATE} blocks, leaf first */
	public static String certificates(List<X509Certificate> chain) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			for (X509Certificate certificate : chain) {
				writer.writeObject(certificate);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return text.toString();
	}

	/** @return the key as an unencrypted PKCS#8 {@code PRIVATE KEY} block, which mbedTLS on the device reads */
	public static Secret privateKeyPkcs8(PrivateKey key) {
		CharArrayWriter text = new CharArrayWriter(2048);
		try (PemWriter writer = new PemWriter(text)) {
			writer.writeObject(new JcaPKCS8Generator(key, null).generate());
		} catch (PemGenerationException e) {
			throw new IllegalStateException("The private key cannot be encoded as PKCS#8", e); //$NON-NLS-1$
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		char[] chars = text.toCharArray();
		try {
			return Secret.of(chars);
		} finally {
			Arrays.fill(chars, '\0');
			text.reset();
		}
	}

	/** @return every certificate in PEM text or DER bytes */
	public static List<X509Certificate> parseCertificates(byte[] pemOrDer) throws CertificateException {
		try (InputStream in = new ByteArrayInputStream(pemOrDer)) {
			List<X509Certificate> certificates = new ArrayList<>();
			CertificateFactory factory = CertificateFactory.getInstance("X.509"); //$NON-NLS-1$
			factory.generateCertificates(in).forEach(c -> certificates.add((X509Certificate) c));
			if (certificates.isEmpty()) {
				throw new CertificateException("No certificate found"); //$NON-NLS-1$
			}
			return certificates;
		} catch (IOException e) {
			throw new CertificateException(e);
		}
	}
}
