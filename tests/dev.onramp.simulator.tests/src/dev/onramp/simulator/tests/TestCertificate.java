/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC certificate for {@code <hostname>.local} and 127.0.0.1, made by the JDK's keytool, as the PEM
 * files a pyDirect board keeps, and a TLS context that trusts exactly it.
 */
record TestCertificate(X509Certificate certificate, byte[] certPem, byte[] keyPem) {

	static TestCertificate create(Path folder, String hostname) throws IOException, GeneralSecurityException {
		Path store = folder.resolve("device.p12");
		String password = "test-store";
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "device", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=" + hostname + ".local", "-ext", "SAN=dns:" + hostname + ".local,ip:127.0.0.1", "-validity", "2",
				"-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password, "-keypass", password)
				.redirectErrorStream(true).start();
		try {
			keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
			if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
				throw new IOException("keytool failed");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, password.toCharArray());
		}
		X509Certificate certificate = (X509Certificate) keys.getCertificate("device");
		byte[] key = keys.getKey("device", password.toCharArray()).getEncoded();
		return new TestCertificate(certificate, pem("CERTIFICATE", certificate.getEncoded()),
				pem("PRIVATE KEY", key));
	}

	private static byte[] pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
				.getBytes(StandardCharsets.US_ASCII);
	}

	/** Writes the PEM files where the settings name them (device paths, relative to the flash folder). */
	void install(Path flash, String certFile, String keyFile) throws IOException {
		Path cert = flash.resolve(certFile.substring(1));
		Path key = flash.resolve(keyFile.substring(1));
		Files.createDirectories(cert.getParent());
		Files.createDirectories(key.getParent());
		Files.write(cert, certPem);
		Files.write(key, keyPem);
	}

	SSLContext trustingIt() throws GeneralSecurityException, IOException {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("device", certificate);
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}
}
