/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.osgi.util.NLS;

import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.CaRotation;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.ICertificateAuthority;
import dev.onramp.core.certs.ICertificateInventory;
import dev.onramp.core.certs.ICertificateVerifier;
import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.certs.VerificationRequest;
import dev.onramp.certs.internal.DeviceCertificateFactory.DeviceCertificate;
import dev.onramp.core.FailureReason;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.Secret;
import dev.onramp.core.certs.CertificateRequest;
import dev.onramp.core.certs.ICertificateService;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.certs.VerificationOutcome;
import dev.onramp.core.discovery.IHostResolver;

/**
 * Certificates for one data directory: the local CA (created on first use), device certificates, the inventory,
 * and TLS checks. Plain Java with its collaborators passed in; {@link CertificateServiceComponent} is the OSGi face.
 * A {@code .local} name that the system resolver does not know is resolved over mDNS when a {@link IHostResolver}
 * is set.
 */
public class LocalCertificateService
		implements ICertificateService, ICertificateAuthority, ICertificateVerifier, ICertificateInventory {

	private final Path dataDirectory;
	private final CaPasswordSource passwords;
	private final Clock clock;
	private final CaKeyStore keyStore;
	private final CertificateInventory inventory;
	private final AtomicReference<IHostResolver> hostResolver = new AtomicReference<>();
	private final ConnectAddress connectAddress;
	private LocalCertificateAuthority authority;

	public LocalCertificateService(Path dataDirectory, CaPasswordSource passwords, Clock clock) {
		this(dataDirectory, passwords, clock, InetAddress::getByName);
	}

	/** @param systemResolver the operating system's resolver (a fake in tests) */
	public LocalCertificateService(Path dataDirectory, CaPasswordSource passwords, Clock clock,
			ConnectAddress.SystemResolver systemResolver) {
		this.connectAddress = new ConnectAddress(systemResolver, hostResolver::get);
		this.dataDirectory = dataDirectory.toAbsolutePath();
		this.passwords = passwords;
		this.clock = clock;
		this.keyStore = new CaKeyStore(this.dataDirectory);
		this.inventory = new CertificateInventory(this.dataDirectory);
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	/** Resolves {@code .local} names over mDNS from now on. */
	public void setHostResolver(IHostResolver resolver) {
		hostResolver.set(resolver);
	}

	/** Stops using {@code resolver}, unless another one replaced it already. */
	public void unsetHostResolver(IHostResolver resolver) {
		hostResolver.compareAndSet(resolver, null);
	}

	@Override
	public IssuedCertificate issue(CertificateRequest request) throws OnrampException {
		String host = checkedHostname(request);
		List<String> dnsNames = List.of(host, "*." + host); //$NON-NLS-1$
		int maxDays = CertificateProfiles.maxValidityDays(request.trust());
		if (request.validityDays() > maxDays) {
			throw new OnrampException(FailureReason.USAGE,
					NLS.bind(Messages.Issue_validityTooLong, request.validityDays(), maxDays));
		}
		Optional<LocalCertificateAuthority> issuer = Optional.empty();
		if (request.trust() == TrustMode.CA) {
			checkPermittedByCa(dnsNames, request.ipAddresses());
			issuer = Optional.of(authority(CaKeyAlgorithm.EC_P256));
		}
		Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant notAfter = notBefore.plus(Duration.ofDays(request.validityDays()));
		DeviceCertificate device = DeviceCertificateFactory.create(host, dnsNames, request.ipAddresses(),
				request.keyType(), notBefore, notAfter, issuer);
		String fingerprint = Fingerprints.sha256(device.certificate());
		String serial = ServedChainEvaluator.serialHex(device.certificate().getSerialNumber());
		inventory.record(new InventoryEntry(host, serial, fingerprint, request.keyType(), request.trust(), notBefore,
				notAfter));
		return new IssuedCertificate(host, Pem.certificates(device.chain()),
				Pem.privateKeyPkcs8(device.keyPair().getPrivate()), serial, fingerprint, notAfter);
	}

	@Override
	public VerificationOutcome verify(URI url, String expectedFingerprintSha256, Duration timeout)
			throws OnrampException {
		VerificationRequest request = expectedFingerprintSha256 == null ? VerificationRequest.againstLocalCa(url)
				: VerificationRequest.pinned(url, expectedFingerprintSha256);
		return check(request.withTimeout(timeout)).outcome();
	}

	@Override
	public CertificateReport check(VerificationRequest request) throws OnrampException {
		List<X509Certificate> anchors = request.expectedFingerprint().isPresent() ? List.of() : anchors(request);
		ConnectAddress.Choice address = connectAddress.choose(request.host(), request.connectAddress(),
				request.timeout());
		if (!address.resolved()) {
			return new CertificateReport(VerificationOutcome.UNREACHABLE, address.failure(), Optional.empty());
		}
		TlsProbe.Result result = TlsProbe.probe(request.host(), request.port(), address.address(), request.timeout());
		if (!result.reached()) {
			return new CertificateReport(VerificationOutcome.UNREACHABLE, result.failure(), Optional.empty());
		}
		Instant now = clock.instant();
		if (request.expectedFingerprint().isPresent()) {
			return ServedChainEvaluator.pinned(result.chain(), request.expectedFingerprint().get(), now);
		}
		return ServedChainEvaluator.anchored(result.chain(), request.host(), anchors, now);
	}

	@Override
	public CaInfo initialize(CaKeyAlgorithm algorithm) throws OnrampException {
		return describe(authority(algorithm).certificate());
	}

	@Override
	public synchronized CaRotation rotate(CaKeyAlgorithm algorithm) throws OnrampException {
		CaInfo previous = info().orElseThrow(() -> new OnrampException(FailureReason.USAGE,
				NLS.bind(Messages.Ca_none, dataDirectory), null));
		List<InventoryEntry> toBlessAgain = CaRotation.blessedBy(previous, inventory.entries(), clock.instant());
		Path retired = keyStore.retire(clock.instant());
		authority = null;
		LocalCertificateAuthority created;
		try {
			created = create(algorithm, true);
		} catch (OnrampException | RuntimeException e) {
			keyStore.restore(retired);
			throw e;
		}
		authority = created;
		CaInfo current = describe(created.certificate());
		CertsLog.info(getClass(), NLS.bind(Messages.Ca_rotated,
				new Object[] { current.subject(), current.fingerprintSha256(), retired }));
		return new CaRotation(previous, retired, current, toBlessAgain);
	}

	@Override
	public Optional<CaInfo> info() throws OnrampException {
		return caCertificate().map(this::describe);
	}

	@Override
	public String exportPem() throws OnrampException {
		return Pem.certificates(List.of(requiredCaCertificate()));
	}

	@Override
	public byte[] exportDer() throws OnrampException {
		try {
			return requiredCaCertificate().getEncoded();
		} catch (CertificateEncodingException e) {
			throw new OnrampException(FailureReason.INTERNAL, null, null, e);
		}
	}

	@Override
	public String trustInstructions(Path exportedCertificate) throws OnrampException {
		return TrustInstructions.forCertificate(describe(requiredCaCertificate()), exportedCertificate);
	}

	@Override
	public List<InventoryEntry> entries() throws OnrampException {
		return inventory.entries();
	}

	@Override
	public List<InventoryEntry> expiringWithin(int days) throws OnrampException {
		return inventory.expiringBefore(clock.instant().plus(Duration.ofDays(days)));
	}

	/** @return the CA, opened from the key store or, when there is none, created with {@code algorithmIfNew} */
	synchronized LocalCertificateAuthority authority(CaKeyAlgorithm algorithmIfNew) throws OnrampException {
		if (authority == null) {
			authority = keyStore.exists() ? open() : create(algorithmIfNew);
		}
		return authority;
	}

	private LocalCertificateAuthority open() throws OnrampException {
		try (Secret password = passwords.existing()) {
			if (password == null) {
				throw new OnrampException(CaKeyStore.UNUSABLE,
						NLS.bind(Messages.Ca_passwordMissing, keyStore.keyStoreFile(), passwords.describe()),
						NLS.bind(Messages.Ca_passwordMissingHint, EnvironmentCaPasswordSource.VARIABLE,
								keyStore.keyStoreFile())).withRemedy(Remedy.NEW_CERTIFICATE_AUTHORITY);
			}
			LocalCertificateAuthority opened = keyStore.load(password, passwords.describe());
			if (!keyStore.readCertificate().map(opened.certificate()::equals).orElse(false)) {
				keyStore.writeCertificateCopy(opened.certificate());
			}
			return opened;
		}
	}

	private LocalCertificateAuthority create(CaKeyAlgorithm algorithm) throws OnrampException {
		return create(algorithm, false);
	}

	/** @param successor whether it replaces a CA: its name then says the time too, as the old one may be of the day */
	private LocalCertificateAuthority create(CaKeyAlgorithm algorithm, boolean successor) throws OnrampException {
		try (Secret password = passwords.existingOrNew()) {
			Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
			String name = successor ? commonName(now) + ' ' + DateTimeFormatter.ISO_LOCAL_TIME.format(
					LocalTime.ofInstant(now, ZoneOffset.UTC)) : commonName(now);
			LocalCertificateAuthority created = LocalCertificateAuthority.create(algorithm, name, now);
			keyStore.create(created, password);
			CertsLog.info(getClass(), NLS.bind(Messages.Ca_created, keyStore.keyStoreFile(),
					Fingerprints.sha256(created.certificate())));
			return created;
		}
	}

	private Optional<X509Certificate> caCertificate() throws OnrampException {
		synchronized (this) {
			if (authority != null) {
				return Optional.of(authority.certificate());
			}
		}
		if (!keyStore.exists()) {
			return Optional.empty();
		}
		Optional<X509Certificate> copy = keyStore.readCertificate();
		return copy.isPresent() ? copy : Optional.of(authority(CaKeyAlgorithm.EC_P256).certificate());
	}

	private X509Certificate requiredCaCertificate() throws OnrampException {
		return caCertificate().orElseThrow(() -> new OnrampException(FailureReason.USAGE,
				NLS.bind(Messages.Ca_none, dataDirectory), Messages.Ca_noneHint)
						.withRemedy(Remedy.NEW_CERTIFICATE_AUTHORITY));
	}

	private List<X509Certificate> anchors(VerificationRequest request) throws OnrampException {
		if (request.caCertificateFile().isPresent()) {
			Path file = request.caCertificateFile().get();
			try {
				return Pem.parseCertificates(Files.readAllBytes(file));
			} catch (IOException | CertificateException e) {
				throw new OnrampException(FailureReason.USAGE, NLS.bind(Messages.Verify_caFileUnreadable, file),
						null, e);
			}
		}
		return List.of(caCertificate().orElseThrow(() -> new OnrampException(FailureReason.USAGE,
				NLS.bind(Messages.Verify_noLocalCa, dataDirectory), Messages.Verify_noLocalCaHint)
						.withRemedy(Remedy.VERIFICATION_REFERENCE)));
	}

	private CaInfo describe(X509Certificate certificate) {
		return new CaInfo(certificate.getSubjectX500Principal().getName(), Fingerprints.sha256(certificate),
				LocalCertificateAuthority.algorithmOf(certificate), certificate.getNotBefore().toInstant(),
				certificate.getNotAfter().toInstant(), keyStore.certificateFile(), keyStore.keyStoreFile());
	}

	private static String checkedHostname(CertificateRequest request) throws OnrampException {
		if (!Hostnames.isValidDeviceHostname(request.hostname())) {
			throw new OnrampException(FailureReason.USAGE,
					NLS.bind(Messages.Issue_invalidHostname, request.hostname()), Messages.Issue_invalidHostnameHint);
		}
		return Hostnames.toLocal(request.hostname());
	}

	private static void checkPermittedByCa(List<String> dnsNames, List<InetAddress> addresses) throws OnrampException {
		List<String> refused = new ArrayList<>();
		dnsNames.stream().filter(name -> !LocalNamePolicy.permitsDnsName(name)).forEach(refused::add);
		addresses.stream().filter(address -> !LocalNamePolicy.permitsAddress(address))
				.forEach(address -> refused.add(address.getHostAddress()));
		if (!refused.isEmpty()) {
			throw new OnrampException(FailureReason.USAGE,
					NLS.bind(Messages.Issue_notLocal, String.join(", ", refused), LocalNamePolicy.describe()), //$NON-NLS-1$
					Messages.Issue_notLocalHint).withRemedy(Remedy.CERTIFICATE_ADDRESSES);
		}
	}

	private static String commonName(Instant now) {
		return NLS.bind("Onramp local CA {0} {1}", System.getProperty("user.name", "user"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				LocalDate.ofInstant(now, ZoneOffset.UTC));
	}
}
