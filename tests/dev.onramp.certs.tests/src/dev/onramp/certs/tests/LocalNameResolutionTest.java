/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.certs.internal.ConnectAddress;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.VerificationOutcome;
import dev.onramp.core.certs.VerificationRequest;
import dev.onramp.core.discovery.IHostResolver;

/**
 * A {@code .local} name the system resolver does not know is asked of the mDNS resolver; the TLS check still sends
 * and verifies the name while the socket goes to the address mDNS gave.
 */
class LocalNameResolutionTest {

	private static final String HOST = "pydirect-beef.local"; //$NON-NLS-1$
	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
	private static final ConnectAddress.SystemResolver NO_MDNS_IN_SYSTEM = host -> {
		throw new UnknownHostException(host);
	};

	@TempDir
	Path dataDirectory;

	private final InMemoryCaPasswordSource passwords = new InMemoryCaPasswordSource("secret"); //$NON-NLS-1$

	/** Answers like the discovery bundle: the addresses it knows, else {@code TIMEOUT}; remembers every question. */
	private static final class FakeResolver implements IHostResolver {

		final List<String> asked = new CopyOnWriteArrayList<>();
		private final String name;
		private final List<InetAddress> addresses;

		FakeResolver(String name, List<InetAddress> addresses) {
			this.name = name;
			this.addresses = addresses;
		}

		@Override
		public List<InetAddress> resolve(String localName, Duration timeout) throws OnrampException {
			asked.add(localName);
			if (localName.equals(name) && !addresses.isEmpty()) {
				return addresses;
			}
			throw new OnrampException(FailureReason.TIMEOUT, localName + " did not resolve within 1.0 s."); //$NON-NLS-1$
		}
	}

	private LocalCertificateService service(ConnectAddress.SystemResolver system, IHostResolver mdns) {
		LocalCertificateService service = new LocalCertificateService(dataDirectory, passwords, Clock.systemUTC(),
				system);
		if (mdns != null) {
			service.setHostResolver(mdns);
		}
		return service;
	}

	@Test
	void aLocalNameUnknownToTheSystemIsReachedThroughMdnsAndVerifiedUnderItsName() throws Exception {
		// link-local IPv6 without a scope cannot be connected to: the IPv4 answer is taken
		FakeResolver mdns = new FakeResolver(HOST, List.of(InetAddress.getByName("fe80::1"), LOOPBACK)); //$NON-NLS-1$
		LocalCertificateService service = service(NO_MDNS_IN_SYSTEM, mdns);
		IssuedCertificate issued = service.issue(CertificateProfiles.caIssued("pydirect-beef", List.of())); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(issued)) {
			CertificateReport report = service.check(VerificationRequest.againstLocalCa(device.url(HOST)));
			assertEquals(VerificationOutcome.MATCH, report.outcome(), report.detail());
			assertEquals("CN=" + HOST, report.served().orElseThrow().subject()); //$NON-NLS-1$
			assertEquals(List.of(HOST), mdns.asked);

			CertificateReport pinned = service
					.check(VerificationRequest.pinned(device.url(HOST), issued.fingerprintSha256()));
			assertEquals(VerificationOutcome.MATCH, pinned.outcome(), pinned.detail());
		}
	}

	@Test
	void theCertificateOfAnotherNameAtTheResolvedAddressIsAHostnameMismatch() throws Exception {
		LocalCertificateService service = service(NO_MDNS_IN_SYSTEM, new FakeResolver(HOST, List.of(LOOPBACK)));
		IssuedCertificate other = service.issue(CertificateProfiles.caIssued("pydirect-0a1b", List.of())); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(other)) {
			CertificateReport report = service.check(VerificationRequest.againstLocalCa(device.url(HOST)));
			assertEquals(VerificationOutcome.HOSTNAME_MISMATCH, report.outcome(), report.detail());
		}
	}

	@Test
	void aNameNeitherResolverKnowsIsReportedPlainlyWithWhatToDo() throws Exception {
		FakeResolver mdns = new FakeResolver("pydirect-0000.local", List.of(LOOPBACK)); //$NON-NLS-1$
		LocalCertificateService service = service(NO_MDNS_IN_SYSTEM, mdns);
		service.issue(CertificateProfiles.caIssued("pydirect-beef", List.of())); //$NON-NLS-1$
		CertificateReport report = service.check(VerificationRequest.againstLocalCa(url(HOST, 8443)));
		assertEquals(VerificationOutcome.UNREACHABLE, report.outcome());
		assertTrue(report.served().isEmpty());
		assertTrue(report.detail().startsWith(
				HOST + " did not resolve, neither by the system resolver nor over multicast DNS (mDNS)."), //$NON-NLS-1$
				report.detail());
		assertTrue(report.detail().contains("on the same network as this computer, or give its IP address"), //$NON-NLS-1$
				report.detail());
		assertEquals(List.of(HOST), mdns.asked);
	}

	@Test
	void withoutAnMdnsResolverTheReportSaysSo() throws Exception {
		LocalCertificateService service = service(NO_MDNS_IN_SYSTEM, null);
		CertificateReport report = service
				.check(VerificationRequest.pinned(url(HOST, 8443), "00".repeat(32))); //$NON-NLS-1$
		assertEquals(VerificationOutcome.UNREACHABLE, report.outcome());
		assertTrue(report.detail().contains("has no multicast DNS resolver"), report.detail()); //$NON-NLS-1$
	}

	@Test
	void anMdnsThatCannotRunIsReportedWithItsReason() throws Exception {
		IHostResolver broken = (name, timeout) -> {
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"No network interface is usable for mDNS: skipped eth0 (multicast disabled)."); //$NON-NLS-1$
		};
		CertificateReport report = service(NO_MDNS_IN_SYSTEM, broken)
				.check(VerificationRequest.pinned(url(HOST, 8443), "00".repeat(32))); //$NON-NLS-1$
		assertEquals(VerificationOutcome.UNREACHABLE, report.outcome());
		assertTrue(report.detail().contains("skipped eth0 (multicast disabled)"), report.detail()); //$NON-NLS-1$
	}

	@Test
	void namesTheSystemResolvesAndGivenAddressesNeverAskMdns() throws Exception {
		FakeResolver mdns = new FakeResolver(HOST, List.of(InetAddress.getByName("192.0.2.1"))); //$NON-NLS-1$
		List<String> systemAsked = new CopyOnWriteArrayList<>();
		ConnectAddress.SystemResolver system = host -> {
			systemAsked.add(host);
			if (host.equals(HOST)) {
				return LOOPBACK;
			}
			throw new UnknownHostException(host);
		};
		LocalCertificateService service = service(system, mdns);
		IssuedCertificate issued = service.issue(CertificateProfiles.caIssued("pydirect-beef", List.of())); //$NON-NLS-1$
		try (LoopbackHttpsServer device = serve(issued)) {
			CertificateReport bySystem = service.check(VerificationRequest.againstLocalCa(device.url(HOST)));
			assertEquals(VerificationOutcome.MATCH, bySystem.outcome(), bySystem.detail());
			assertEquals(List.of(HOST), systemAsked);

			CertificateReport byAddress = service
					.check(VerificationRequest.againstLocalCa(device.url(HOST)).connectingTo(LOOPBACK));
			assertEquals(VerificationOutcome.MATCH, byAddress.outcome(), byAddress.detail());
			assertEquals(List.of(HOST), systemAsked, "a given address needs no lookup"); //$NON-NLS-1$
		}
		assertEquals(List.of(), mdns.asked);
	}

	@Test
	void namesOutsideLocalNeverAskMdns() throws Exception {
		FakeResolver mdns = new FakeResolver("device.example", List.of(LOOPBACK)); //$NON-NLS-1$
		CertificateReport report = service(NO_MDNS_IN_SYSTEM, mdns)
				.check(VerificationRequest.pinned(url("device.example", 8443), "00".repeat(32))); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(VerificationOutcome.UNREACHABLE, report.outcome());
		assertEquals(List.of(), mdns.asked);
	}

	private static URI url(String host, int port) {
		return URI.create("https://" + host + ':' + port + '/'); //$NON-NLS-1$
	}

	private static LoopbackHttpsServer serve(IssuedCertificate issued) throws Exception {
		List<X509Certificate> chain = Certificates.parse(issued.certificateChainPem());
		return LoopbackHttpsServer.serving(Certificates.parsePkcs8(issued.privateKeyPem()), chain);
	}
}
