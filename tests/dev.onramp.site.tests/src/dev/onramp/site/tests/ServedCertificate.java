/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** What a device serves on 127.0.0.1, seen by a TLS client of the test that trusts nothing and only looks. */
final class ServedCertificate {

	private ServedCertificate() {
	}

	/** @return the leaf certificate served on 127.0.0.1:port */
	static X509Certificate on(int port) throws IOException, GeneralSecurityException {
		X509Certificate[] served = new X509Certificate[1];
		SSLContext context = lookingOnly(chain -> served[0] = chain[0]);
		try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.startHandshake();
		}
		return served[0];
	}

	/** @return the SHA-256 fingerprint as the product prints it: upper-case hex pairs separated by colons */
	static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
	}

	/** @return the certificate of the local CA in a data directory, read with its key-store password */
	static X509Certificate localCa(Path dataDirectory, String password) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(dataDirectory.resolve("ca").resolve("onramp-ca.p12"))) {
			store.load(in, password.toCharArray());
		}
		return (X509Certificate) store.getCertificate(store.aliases().nextElement());
	}

	/** @return a TLS client context that hands the served chain to {@code seen} and accepts it, judging nothing */
	static SSLContext lookingOnly(java.util.function.Consumer<X509Certificate[]> seen) throws GeneralSecurityException {
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, new TrustManager[] { new X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) {
				throw new UnsupportedOperationException("a client only");
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) {
				seen.accept(chain);
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		} }, null);
		return context;
	}
}
