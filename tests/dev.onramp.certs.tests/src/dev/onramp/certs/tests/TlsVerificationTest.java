/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.ServedCertificate;
import dev.onramp.core.certs.VerificationRequest;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.certs.CertificateRequest;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.certs.VerificationOutcome;

/** Real TLS handshakes with servers on 127.0.0.1, reached under a device name sent as SNI. */
class TlsVerificationTest {

	private static final String HOST = "pydirect-e5f6.local"; //$NON-NLS-1$
	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	@TempDir
	Path dataDirectory;

	private final InMemoryCaPasswordSource passwords = new InMemoryCaPasswordSource("secret"); //$NON-NLS-1$

	private LocalCertificateService service() {
		return new LocalCertificateService(dataDirectory, passwords, Clock.systemUTC());
	}

	@Test
	void issuedCertificateMatchesTheLocalCaAndItsFingerprint() throws Exception {
		IssuedCertificate issued = service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(issued)) {
			CertificateReport trusted = service().check(VerificationRequest.againstLocalCa(device.url(HOST))
					.connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.MATCH, trusted.outcome(), trusted.detail());
			ServedCertificate served = trusted.served().orElseThrow();
			assertEquals("CN=" + HOST, served.subject()); //$NON-NLS-1$
			assertEquals(List.of(HOST, "*." + HOST), served.subjectAlternativeNames()); //$NON-NLS-1$
			assertEquals(service().info().orElseThrow().subject(), served.issuer());
			assertEquals(issued.fingerprintSha256(), served.fingerprintSha256());
			assertEquals(issued.serialHex(), served.serialHex());
			assertEquals(issued.notAfter(), served.notAfter());
			assertEquals(2, served.chainLength());

			CertificateReport pinned = service().check(VerificationRequest
					.pinned(device.url(HOST), issued.fingerprintSha256().replace(":", "").toLowerCase()) //$NON-NLS-1$ //$NON-NLS-2$
					.connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.MATCH, pinned.outcome(), pinned.detail());

			CertificateReport wildcard = service().check(VerificationRequest.againstLocalCa(device.url("www." + HOST)) //$NON-NLS-1$
					.connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.MATCH, wildcard.outcome(), wildcard.detail());
		}
	}

	@Test
	void anotherCertificateIsReportedAsDifferentOrForAnotherHost() throws Exception {
		IssuedCertificate expected = service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		IssuedCertificate other = service().issue(CertificateProfiles.caIssued("pydirect-0a1b", List.of())); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(other)) {
			CertificateReport pinned = service().check(
					VerificationRequest.pinned(device.url(HOST), expected.fingerprintSha256()).connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.DIFFERENT_CERTIFICATE, pinned.outcome(), pinned.detail());
			assertEquals(other.fingerprintSha256(), pinned.served().orElseThrow().fingerprintSha256());

			CertificateReport trusted = service().check(VerificationRequest.againstLocalCa(device.url(HOST))
					.connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.HOSTNAME_MISMATCH, trusted.outcome(), trusted.detail());
			assertTrue(trusted.detail().contains("pydirect-0a1b.local"), trusted.detail()); //$NON-NLS-1$
		}
	}

	@Test
	void expiredCertificateIsReportedAsExpired() throws Exception {
		Clock lastYear = Clock.fixed(Instant.now().minus(Duration.ofDays(400)), ZoneOffset.UTC);
		IssuedCertificate old = new LocalCertificateService(dataDirectory, passwords, lastYear)
				.issue(new CertificateRequest("pydirect-e5f6", List.of(), KeyType.EC_P256, 30, TrustMode.CA)); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(old)) {
			CertificateReport trusted = service().check(VerificationRequest.againstLocalCa(device.url(HOST))
					.connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.EXPIRED, trusted.outcome(), trusted.detail());
			CertificateReport pinned = service().check(
					VerificationRequest.pinned(device.url(HOST), old.fingerprintSha256()).connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.EXPIRED, pinned.outcome(), pinned.detail());
		}
	}

	@Test
	void selfSignedCertificateIsUntrustedButCanBePinned() throws Exception {
		service().initialize(CaKeyAlgorithm.EC_P256);
		IssuedCertificate selfSigned = service().issue(CertificateProfiles.pyDirectSelfSigned("pydirect-e5f6")); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(selfSigned)) {
			CertificateReport trusted = service().check(VerificationRequest.againstLocalCa(device.url(HOST))
					.connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.UNTRUSTED, trusted.outcome(), trusted.detail());
			assertEquals("CN=" + HOST, trusted.served().orElseThrow().issuer()); //$NON-NLS-1$
			CertificateReport pinned = service().check(VerificationRequest
					.pinned(device.url(HOST), selfSigned.fingerprintSha256()).connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.MATCH, pinned.outcome(), pinned.detail());
		}
	}

	@Test
	void certificateOfAnotherCaIsUntrusted(@TempDir Path otherDirectory) throws Exception {
		service().initialize(CaKeyAlgorithm.EC_P256);
		IssuedCertificate foreign = new LocalCertificateService(otherDirectory, new InMemoryCaPasswordSource(),
				Clock.systemUTC()).issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(foreign)) {
			CertificateReport report = service().check(VerificationRequest.againstLocalCa(device.url(HOST))
					.connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.UNTRUSTED, report.outcome(), report.detail());
		}
	}

	@Test
	void verifiesAgainstACaFile(@TempDir Path otherDirectory) throws Exception {
		LocalCertificateService other = new LocalCertificateService(otherDirectory, new InMemoryCaPasswordSource(),
				Clock.systemUTC());
		IssuedCertificate issued = other.issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		Path caFile = otherDirectory.resolve("exported.pem"); //$NON-NLS-1$
		Files.writeString(caFile, other.exportPem(), StandardCharsets.US_ASCII);
		Path derFile = otherDirectory.resolve("exported.cer"); //$NON-NLS-1$
		Files.write(derFile, other.exportDer());
		try (LoopbackHttpsServer device = serve(issued)) {
			for (Path file : List.of(caFile, derFile)) {
				CertificateReport report = service().check(
						VerificationRequest.againstCaFile(device.url(HOST), file).connectingTo(LOOPBACK));
				assertEquals(VerificationOutcome.MATCH, report.outcome(), report.detail());
			}
		}
		Path notACertificate = otherDirectory.resolve("not.pem"); //$NON-NLS-1$
		Files.writeString(notACertificate, "hello"); //$NON-NLS-1$
		assertThrows(OnrampException.class, () -> service().check(
				VerificationRequest.againstCaFile(URI.create("https://" + HOST), notACertificate))); //$NON-NLS-1$
	}

	@Test
	void coreVerifyUsesTheUrlHostAndAddressSubjectNames() throws Exception {
		IssuedCertificate issued = service()
				.issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of(InetAddress.getByName("127.0.0.1")))); //$NON-NLS-1$ //$NON-NLS-2$
		try (LoopbackHttpsServer device = serve(issued)) {
			URI byAddress = device.url("127.0.0.1"); //$NON-NLS-1$
			Duration timeout = Duration.ofSeconds(5);
			assertEquals(VerificationOutcome.MATCH, service().verify(byAddress, null, timeout));
			assertEquals(VerificationOutcome.MATCH, service().verify(byAddress, issued.fingerprintSha256(), timeout));
		}
	}

	@Test
	void closedPortIsUnreachable() throws Exception {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
			port = closed.getLocalPort();
		}
		CertificateReport report = service().check(VerificationRequest
				.pinned(URI.create("https://" + HOST + ':' + port), "00").connectingTo(LOOPBACK)); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(VerificationOutcome.UNREACHABLE, report.outcome(), report.detail());
		assertTrue(report.served().isEmpty());
	}

	@Test
	void silentOrPlainServersAreUnreachableWithinTheTimeout() throws Exception {
		try (LoopbackHttpsServer silent = LoopbackHttpsServer.silent();
				LoopbackHttpsServer plain = LoopbackHttpsServer.plain()) {
			long start = System.nanoTime();
			CertificateReport hanging = service().check(VerificationRequest.pinned(silent.url(HOST), "00") //$NON-NLS-1$
					.connectingTo(LOOPBACK).withTimeout(Duration.ofMillis(300)));
			assertEquals(VerificationOutcome.UNREACHABLE, hanging.outcome(), hanging.detail());
			assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);

			CertificateReport notTls = service().check(
					VerificationRequest.pinned(plain.url(HOST), "00").connectingTo(LOOPBACK)); //$NON-NLS-1$
			assertEquals(VerificationOutcome.UNREACHABLE, notTls.outcome(), notTls.detail());
		}
	}

	@Test
	void connectionResetMidHandshakeIsUnreachableAndSaysSo() throws Exception {
		IssuedCertificate issued = service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(issued)) {
			// 0: reset once the client's hello went through; 80: in the middle of the server's first flight
			for (int serverBytes : new int[] { 0, 80 }) {
				try (ResettingRelay relay = ResettingRelay.start(device.port(), serverBytes)) {
					long start = System.nanoTime();
					CertificateReport report = service().check(VerificationRequest
							.againstLocalCa(URI.create("https://" + HOST + ':' + relay.port() + '/')) //$NON-NLS-1$
							.connectingTo(LOOPBACK).withTimeout(Duration.ofSeconds(10)));
					String where = serverBytes + " bytes of the server's answer: " + report.detail(); //$NON-NLS-1$
					assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0, where);
					assertEquals(VerificationOutcome.UNREACHABLE, report.outcome(), where);
					assertTrue(report.served().isEmpty(), where);
					assertTrue(report.detail().contains("127.0.0.1:" + relay.port()), where); //$NON-NLS-1$
					assertTrue(report.detail().contains("reset in the middle of the TLS handshake"), where); //$NON-NLS-1$
					assertTrue(report.detail().contains("verify again"), where); //$NON-NLS-1$
				}
			}
		}
	}

	@Test
	void verifyingWithoutALocalCaExplainsWhatToDo() {
		OnrampException failure = assertThrows(OnrampException.class,
				() -> service().check(VerificationRequest.againstLocalCa(URI.create("https://" + HOST)))); //$NON-NLS-1$
		assertTrue(failure.userText().contains("fingerprint"), failure::userText); //$NON-NLS-1$
		assertFalse(failure.userText().contains("--"), () -> "no command-line flag: " + failure.userText()); //$NON-NLS-1$
		assertEquals(Optional.of(Remedy.VERIFICATION_REFERENCE), failure.remedy());
	}

	private static LoopbackHttpsServer serve(IssuedCertificate issued) throws Exception {
		List<X509Certificate> chain = Certificates.parse(issued.certificateChainPem());
		return LoopbackHttpsServer.serving(Certificates.parsePkcs8(issued.privateKeyPem()), chain);
	}
}
