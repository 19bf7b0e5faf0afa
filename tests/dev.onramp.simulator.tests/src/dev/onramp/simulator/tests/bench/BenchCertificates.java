/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real certificate and key files of the two profiles a pyDirect board receives, made by the JDK's keytool (an
 * independent tool, so the figures do not depend on Onramp's own issuing code): Onramp's default, an EC P-256 server
 * certificate from a local CA with the CA certificate in the chain; and the pyDirect web installer's self-signed
 * RSA-2048 one. PEM with 64-character lines and line feeds, as Onramp writes them.
 */
final class BenchCertificates {

	/** A certificate chain file and a key file. */
	record Pem(String profile, byte[] chain, byte[] key) {
		int payload() {
			return chain.length + key.length;
		}
	}

	private static final String PASSWORD = "bench-store"; //$NON-NLS-1$

	private BenchCertificates() {
	}

	static List<Pem> create(Path folder) throws IOException, GeneralSecurityException {
		List<Pem> pems = new ArrayList<>();
		String host = "pydirect-5e01.local"; //$NON-NLS-1$
		keytool(folder, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$
				"CN=Onramp local CA", "-ext", "bc:c", "-validity", "3650", "-keystore", "ca.p12"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
		keytool(folder, "-genkeypair", "-alias", "device", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$
				"CN=" + host, "-validity", "2", "-keystore", "ec.p12"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		keytool(folder, "-certreq", "-alias", "device", "-keystore", "ec.p12", "-file", "ec.csr"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$
		keytool(folder, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "ec.csr", "-outfile", "leaf.der", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$
				"-ext", "SAN=dns:" + host + ",ip:192.168.1.50", "-ext", "EKU=serverAuth", "-ext", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				"KU=digitalSignature", "-validity", "397"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		Certificate leaf;
		try (InputStream in = Files.newInputStream(folder.resolve("leaf.der"))) { //$NON-NLS-1$
			leaf = CertificateFactory.getInstance("X.509").generateCertificate(in); //$NON-NLS-1$
		}
		KeyStore ca = load(folder.resolve("ca.p12")); //$NON-NLS-1$
		KeyStore ec = load(folder.resolve("ec.p12")); //$NON-NLS-1$
		byte[] chain = concat(pem("CERTIFICATE", leaf.getEncoded()), pem("CERTIFICATE", ca.getCertificate("ca").getEncoded())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		pems.add(new Pem("ca-ec-p256", chain, //$NON-NLS-1$
				pem("PRIVATE KEY", ec.getKey("device", PASSWORD.toCharArray()).getEncoded()))); //$NON-NLS-1$ //$NON-NLS-2$

		keytool(folder, "-genkeypair", "-alias", "device", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + host, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$
				"-ext", "SAN=dns:" + host + ",ip:192.168.1.50", "-validity", "3650", "-keystore", "rsa.p12"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
		KeyStore rsa = load(folder.resolve("rsa.p12")); //$NON-NLS-1$
		pems.add(new Pem("self-signed-rsa2048", pem("CERTIFICATE", rsa.getCertificate("device").getEncoded()), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				pem("PRIVATE KEY", rsa.getKey("device", PASSWORD.toCharArray()).getEncoded()))); //$NON-NLS-1$ //$NON-NLS-2$
		return pems;
	}

	private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
		KeyStore keys = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
		try (InputStream in = Files.newInputStream(store)) {
			keys.load(in, PASSWORD.toCharArray());
		}
		return keys;
	}

	private static void keytool(Path folder, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		command.addAll(List.of(args));
		command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		try {
			process.getInputStream().transferTo(OutputStream.nullOutputStream());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool " + args[0] + " failed"); //$NON-NLS-1$ //$NON-NLS-2$
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	private static byte[] pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der); //$NON-NLS-1$
		return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}
}
