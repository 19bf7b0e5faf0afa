/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static dev.onramp.site.tests.CommandAssertions.assertFailed;
import static dev.onramp.site.tests.CommandAssertions.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.WebFault;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/**
 * {@code onramp reprovision} as a separate process against a simulated pyDirect board that serves HTTPS on 127.0.0.1
 * after its reset; the product finds it again by mDNS on loopback or by its last known address.
 */
class ReprovisionEndToEndTest {

	private static final String CA_PASSWORD = "ca-" + UUID.randomUUID();

	@TempDir
	Path temporary;

	private final Installation product = Installation.builtProduct();
	private final SimulatedDevices devices = new SimulatedDevices();

	@AfterEach
	void stopDevices() throws Exception {
		devices.close();
	}

	private Rfc2217SimulatorServer boardOnItsNetwork(int macSuffix) throws Exception {
		return devices.pyDirect(macSuffix,
				SimulatedNetwork.isolated().joinedTo("Workshop", "pw-" + UUID.randomUUID()));
	}

	private Installation.Run reprovision(Rfc2217SimulatorServer board, String... args) throws Exception {
		String[] all = new String[args.length + 5];
		all[0] = "reprovision";
		all[1] = "--port";
		all[2] = board.uri();
		// pyDirect serves 443; the simulated board listens on a free loopback port
		all[3] = "--https-port";
		all[4] = String.valueOf(board.device().httpsPort());
		System.arraycopy(args, 0, all, 5, args.length);
		return product.runJson(Map.of("ONRAMP_CA_PASSWORD", CA_PASSWORD), temporary.resolve("data"), all);
	}

	/**
	 * Found again by mDNS: without --https-port the product remembers the board's address with pyDirect's port 443,
	 * where nothing answers here, so only the board's announcement (on loopback, which CI turns multicast on for)
	 * finds it, and its SRV record gives the port the simulated board serves on.
	 */
	@Test
	void aCertificateOfTheLocalCaIsServedAfterTheResetAndAStaleOneIsAMismatch() throws Exception {
		LoopbackMulticast.enableOrSkip();
		try (Socket https = new Socket()) {
			https.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 443), 1000);
			LoopbackMulticast.unavailable("Something on this machine listens on 127.0.0.1:443");
		} catch (IOException refused) {
			// as the test needs: the remembered address does not answer
		}
		Rfc2217SimulatorServer board = devices.pyDirect(4,
				SimulatedNetwork.isolated().joinedTo("Workshop", "pw-" + UUID.randomUUID()).withMdns(true));
		JsonObject blessed = assertSucceeded(product.runJson(Map.of("ONRAMP_CA_PASSWORD", CA_PASSWORD),
				temporary.resolve("data"), "reprovision", "--port", board.uri(), "--wait", "30"));
		assertTrue(blessed.get("verified").getAsBoolean(), blessed::toString);
		assertEquals(board.device().hostname(), blessed.get("hostname").getAsString());
		assertEquals("https://" + board.device().hostname() + ".local:" + board.device().httpsPort() + "/setup",
				blessed.get("url").getAsString(), "pyDirect boots into its setup server, where the user sets a password");
		assertEquals("mdns", blessed.get("found_by").getAsString(), blessed::toString);
		assertEquals("127.0.0.1", blessed.get("ip").getAsString());
		assertEquals(1, board.device().hardResets(), "reset once to load the certificate");

		X509Certificate served = ServedCertificate.on(board.device().httpsPort());
		assertEquals(blessed.get("fingerprint_sha256").getAsString(), ServedCertificate.fingerprint(served),
				"the device serves exactly the certificate the product reports");
		X509Certificate ca = ServedCertificate.localCa(temporary.resolve("data"), CA_PASSWORD);
		served.verify(ca.getPublicKey()); // throws unless the local CA signed it
		assertEquals(ca.getSubjectX500Principal(), served.getIssuerX500Principal());
		assertTrue(served.getSubjectX500Principal().getName().contains(board.device().hostname() + ".local"),
				served::toString);

		// firmware that ignores the new files keeps serving the first certificate
		board.device().injectWebFault(WebFault.SERVES_STALE_CERTIFICATE);
		JsonObject stale = assertFailed(reprovision(board, "--wait", "30"), 8, "certificate_mismatch");
		assertFalse(stale.get("verified").getAsBoolean(), stale::toString);
		assertEquals(ServedCertificate.fingerprint(served),
				ServedCertificate.fingerprint(ServedCertificate.on(board.device().httpsPort())));
	}

	@Test
	void withoutResetTheCertificateIsInstalledButNotServedYet() throws Exception {
		Rfc2217SimulatorServer board = boardOnItsNetwork(5);
		JsonObject installed = assertSucceeded(reprovision(board, "--no-reset"));
		assertFalse(installed.get("verified").getAsBoolean(), "nothing to verify before the reset: " + installed);
		assertEquals("none", installed.get("found_by").getAsString());
		assertEquals(0, board.device().hardResets(), "--no-reset leaves the device running");
		Path certificateFile = board.device().flash().resolve("certs/servercert.pem");
		X509Certificate onFlash;
		try (InputStream in = Files.newInputStream(certificateFile)) {
			onFlash = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		assertEquals(installed.get("fingerprint_sha256").getAsString(), ServedCertificate.fingerprint(onFlash));
		assertTrue(Files.readString(board.device().flash().resolve("certs/prvtkey.pem"), StandardCharsets.US_ASCII)
				.contains("PRIVATE KEY"), "its key is on the device");
		// the session ends as every session does, with a soft reboot (Ctrl-D) that runs main.py again: the board
		// keeps running its firmware, which loads the new certificate — still without a hard reset
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!board.device().servesHttps() && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // poll interval of a condition wait
		}
		assertTrue(board.device().servesHttps(), "main.py runs again after the session");
		assertEquals(installed.get("fingerprint_sha256").getAsString(),
				ServedCertificate.fingerprint(ServedCertificate.on(board.device().httpsPort())));
		assertEquals(0, board.device().hardResets(), "never reset through its reset line");
	}

	/** This board never announces itself: the product finds it again at the address it had before the reset. */
	@Test
	void aSelfSignedCertificateIsServedAfterTheResetAndFoundAtItsAddressWhenMdnsIsSilent() throws Exception {
		Rfc2217SimulatorServer board = boardOnItsNetwork(6);
		assertFalse(board.device().options().network().announceMdns());
		JsonObject blessed = assertSucceeded(reprovision(board, "--trust", "self-signed", "--wait", "30"));
		assertEquals("self-signed", blessed.get("trust").getAsString());
		assertTrue(blessed.get("verified").getAsBoolean(), blessed::toString);
		assertEquals("ip", blessed.get("found_by").getAsString(), blessed::toString);
		assertEquals("127.0.0.1", blessed.get("ip").getAsString());
		X509Certificate served = ServedCertificate.on(board.device().httpsPort());
		assertEquals(blessed.get("fingerprint_sha256").getAsString(), ServedCertificate.fingerprint(served));
		assertEquals(served.getSubjectX500Principal(), served.getIssuerX500Principal(), "self-signed");
		served.verify(served.getPublicKey());
		assertEquals(1, board.device().hardResets(), "reset once to load the certificate");
	}
}
