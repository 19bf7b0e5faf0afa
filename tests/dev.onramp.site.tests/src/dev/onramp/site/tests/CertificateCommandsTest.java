/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.MacAddress;
import dev.onramp.simulator.mdns.SimulatedMdnsAnnouncer;

/** {@code onramp ca} and {@code onramp verify} as a separate process, against a real HTTPS server on loopback. */
class CertificateCommandsTest {

	/** An upper bound only: a new announcer probes its name for a few seconds before it answers. */
	private static final Duration MDNS_ANSWERED_WITHIN = Duration.ofSeconds(60);
	private static final String CA_PASSWORD = "ca-canary-" + Long.toHexString(System.nanoTime());

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private SSLServerSocket server;
	private Thread acceptor;
	private String servedFingerprint;

	@BeforeEach
	void startHttpsServerWithASelfSignedDeviceCertificate() throws Exception {
		Path keyStore = temporary.resolve("device.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "device", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=pydirect-e5f6.local", "-ext",
				"SAN=dns:pydirect-e5f6.local", "-validity", "30", "-keystore", keyStore.toString(), "-storetype",
				"PKCS12", "-storepass", "changeit").redirectErrorStream(true).start();
		assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool made a key pair");
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, "changeit".toCharArray());
		}
		Certificate certificate = store.getCertificate("device");
		servedFingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, "changeit".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10,
				InetAddress.getLoopbackAddress());
		acceptor = new Thread(this::serve, "test HTTPS server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void serve() {
		while (!server.isClosed()) {
			try (SSLSocket socket = (SSLSocket) server.accept()) {
				socket.setSoTimeout(10_000);
				socket.startHandshake();
				socket.getInputStream().read(); // until the client closes
			} catch (IOException e) {
				// a client that leaves, or the server closing: keep serving until closed
			}
		}
	}

	@AfterEach
	void stopServer() throws Exception {
		server.close();
		acceptor.join(10_000);
	}

	private Installation.Run onramp(String... args) throws IOException, InterruptedException {
		String[] all = Stream.concat(Stream.of("--data-dir", temporary.resolve("data").toString(), "--json"),
				Stream.of(args)).toArray(String[]::new);
		return product.run(Map.of("ONRAMP_CA_PASSWORD", CA_PASSWORD), all);
	}

	private static JsonObject json(Installation.Run run) {
		return JsonParser.parseString(run.stdout()).getAsJsonObject();
	}

	private String url() {
		return "https://pydirect-e5f6.local:" + server.getLocalPort() + "/";
	}

	@Test
	void caInitShowAndExportKeepTheKeyOwnerOnlyAndThePasswordOutOfEveryOutput() throws Exception {
		Installation.Run init = onramp("ca", "init");
		assertEquals(0, init.exitCode(), init.stdout() + init.stderr());
		JsonObject created = json(init);
		assertTrue(created.get("created").getAsBoolean());
		assertEquals("ec-p256", created.get("key").getAsString());

		Installation.Run again = onramp("ca", "init");
		assertFalse(json(again).get("created").getAsBoolean(), "an existing CA is kept");
		assertEquals(created.get("fingerprint_sha256"), json(again).get("fingerprint_sha256"));

		Installation.Run show = onramp("ca", "show");
		assertEquals(created.get("fingerprint_sha256"), json(show).get("fingerprint_sha256"));

		Path exported = temporary.resolve("onramp-ca.pem");
		Installation.Run export = onramp("ca", "export", "--out", exported.toString());
		assertEquals(0, export.exitCode(), export.stderr());
		assertTrue(Files.readString(exported).startsWith("-----BEGIN CERTIFICATE-----"));
		assertTrue(json(export).get("trust_instructions").getAsString().contains("Firefox"));

		try (Stream<Path> files = Files.walk(temporary.resolve("data"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertFalse(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(CA_PASSWORD),
						file + " holds the key-store password");
				if (file.getFileName().toString().endsWith(".p12")) {
					assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
							Files.getPosixFilePermissions(file), "the CA key store is owner-only");
				}
			}
		}
		for (Installation.Run run : List.of(init, again, show, export)) {
			assertFalse((run.stdout() + run.stderr()).contains(CA_PASSWORD), "no output shows the password");
		}
	}

	@Test
	void verifyMatchesThePinnedCertificate() throws Exception {
		Installation.Run run = onramp("verify", url(), "--ip", "127.0.0.1", "--fingerprint", servedFingerprint);
		assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
		JsonObject document = json(run);
		assertTrue(document.get("verified").getAsBoolean());
		assertEquals("match", document.get("outcome").getAsString());
		assertTrue(document.getAsJsonObject("certificate").get("subject_alternative_names").toString()
				.contains("pydirect-e5f6.local"));
	}

	@Test
	void aLocalNameTheSystemResolverDoesNotKnowIsReachedOverMdnsWithoutIp() throws Exception {
		LoopbackMulticast.enableOrSkip();
		try (SimulatedMdnsAnnouncer announcer = SimulatedMdnsAnnouncer.pyDirect(InetAddress.getByName("127.0.0.1"),
				MacAddress.parse("02:00:00:00:e5:f6"), server.getLocalPort())) {
			assertEquals("pydirect-e5f6", announcer.hostname());
			// the announcer may still be probing its name when the first command asks: ask again until a deadline
			long deadline = System.nanoTime() + MDNS_ANSWERED_WITHIN.toNanos();
			Installation.Run run = onramp("verify", url(), "--fingerprint", servedFingerprint);
			while (run.exitCode() == 3 && System.nanoTime() - deadline < 0) {
				run = onramp("verify", url(), "--fingerprint", servedFingerprint);
			}
			assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
			JsonObject document = json(run);
			assertTrue(document.get("verified").getAsBoolean(), document::toString);
			assertEquals(url(), document.get("url").getAsString());
		}
	}

	@Test
	void aLocalNameThatNeitherResolverKnowsSaysSoAndSuggestsTheIp() throws Exception {
		LoopbackMulticast.enableOrSkip();
		String unknown = "https://pydirect-0bad.local:" + server.getLocalPort() + "/";
		Installation.Run run = onramp("verify", unknown, "--fingerprint", servedFingerprint);
		assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
		JsonObject error = json(run).getAsJsonObject("error");
		assertEquals("device_unreachable", error.get("reason").getAsString(), error::toString);
		assertTrue(error.get("message").getAsString().startsWith(
				"pydirect-0bad.local did not resolve, neither by the system resolver nor over multicast DNS"),
				error::toString);
		assertTrue(error.get("hint").getAsString().contains("--ip"), error::toString);
	}

	@Test
	void aDifferentCertificateExitsEight() throws Exception {
		String other = "00".repeat(32);
		Installation.Run run = onramp("verify", url(), "--ip", "127.0.0.1", "--fingerprint", other);
		assertEquals(8, run.exitCode(), run.stdout() + run.stderr());
		JsonObject document = json(run);
		assertEquals("different_certificate", document.get("outcome").getAsString());
		assertEquals("certificate_mismatch", document.getAsJsonObject("error").get("reason").getAsString());
		assertTrue(document.get("certificate").isJsonObject(), "the served certificate is still reported");
	}

	@Test
	void aCertificateTheLocalCaDidNotIssueIsUntrustedAndExitsEight() throws Exception {
		assertEquals(0, onramp("ca", "init").exitCode());
		Installation.Run run = onramp("verify", url(), "--ip", "127.0.0.1");
		assertEquals(8, run.exitCode(), run.stdout() + run.stderr());
		assertEquals("untrusted", json(run).get("outcome").getAsString());
	}

	@Test
	void aClosedPortIsUnreachableAndExitsThree() throws Exception {
		int closedPort = server.getLocalPort();
		server.close();
		Installation.Run run = onramp("verify", "https://127.0.0.1:" + closedPort + "/", "--fingerprint",
				servedFingerprint, "--timeout", "5");
		assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
		assertEquals("unreachable", json(run).get("outcome").getAsString());
	}
}
