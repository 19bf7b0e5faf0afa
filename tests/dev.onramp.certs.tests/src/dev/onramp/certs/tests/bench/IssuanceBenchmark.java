/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.certs.internal.CaPasswordSource;
import dev.onramp.certs.internal.DeviceCertificateFactory;
import dev.onramp.certs.internal.DeviceCertificateFactory.DeviceCertificate;
import dev.onramp.certs.internal.LocalCertificateAuthority;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.certs.internal.Pem;
import dev.onramp.core.Secret;
import dev.onramp.core.certs.CertificateRequest;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

/**
 * Issuance rate, key generation included, single-threaded: the certificate factory alone (key, certificate, PEM),
 * the whole service (plus the inventory write), and the {@code openssl req -x509 -newkey} command run as one process
 * per certificate when openssl is on the PATH. Usage: {@code IssuanceBenchmark [seconds-per-case]} (default 5).
 * Besides its table it prints one {@code FIGURE certs.<case>.rate} line per case for the benchmark command.
 */
public final class IssuanceBenchmark {

	private static final String HOST = "pydirect-e5f6"; //$NON-NLS-1$
	/** The service rewrites the inventory on every issue; reset it so each case measures a fleet-sized file. */
	private static final int INVENTORY_RESET = 500;

	private record Result(String key, String name, int count, long nanos) {
		double perSecond() {
			return count / (nanos / 1e9);
		}

		double millisEach() {
			return nanos / 1e6 / count;
		}
	}

	private interface Issuance {
		void issueOne(int index) throws Exception;
	}

	private IssuanceBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration perCase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
		Path work = Files.createTempDirectory("onramp-bench"); //$NON-NLS-1$
		try {
			run(perCase, work);
		} finally {
			deleteTree(work);
		}
	}

	private static void run(Duration perCase, Path work) throws Exception {
		System.out.printf("Java %s, %d processors, %s per case%n", Runtime.version(), //$NON-NLS-1$
				Runtime.getRuntime().availableProcessors(), perCase);
		Instant now = Instant.now();
		LocalCertificateAuthority ca = LocalCertificateAuthority.create(CaKeyAlgorithm.EC_P256, "Bench CA", now); //$NON-NLS-1$
		Instant notAfter = now.plus(Duration.ofDays(397));
		List<String> names = List.of(HOST + ".local", "*." + HOST + ".local"); //$NON-NLS-1$ //$NON-NLS-2$

		Path data = work.resolve("data"); //$NON-NLS-1$
		LocalCertificateService service = new LocalCertificateService(data, new FixedPassword(), Clock.systemUTC());
		service.initialize(CaKeyAlgorithm.EC_P256);
		CertificateRequest ecRequest = CertificateProfiles.caIssued(HOST, List.of());
		CertificateRequest pyDirect = CertificateProfiles.pyDirectSelfSigned(HOST);
		CertificateRequest ecSelfSigned = new CertificateRequest(HOST, List.of(), KeyType.EC_P256, 397,
				TrustMode.SELF_SIGNED);

		List<Result> results = new ArrayList<>();
		results.add(measure("factory.ec_p256_ca", "factory  ec-p256  CA-issued", perCase, i -> pem(DeviceCertificateFactory.create( //$NON-NLS-1$ //$NON-NLS-2$
				names.get(0), names, List.of(), KeyType.EC_P256, now, notAfter, Optional.of(ca)))));
		results.add(measure("factory.rsa2048_self", "factory  rsa-2048 self-signed (pyDirect)", perCase, //$NON-NLS-1$ //$NON-NLS-2$
				i -> pem(DeviceCertificateFactory.create(names.get(0), names, List.of(), KeyType.RSA_2048, now,
						now.plus(Duration.ofDays(3650)), Optional.empty()))));
		results.add(measure("service.ec_p256_ca", "service  ec-p256  CA-issued", perCase, i -> issue(service, ecRequest, data, i))); //$NON-NLS-1$ //$NON-NLS-2$
		results.add(measure("service.ec_p256_self", "service  ec-p256  self-signed", perCase, i -> issue(service, ecSelfSigned, data, i))); //$NON-NLS-1$ //$NON-NLS-2$
		results.add(measure("service.rsa2048_self", "service  rsa-2048 self-signed (pyDirect)", perCase, i -> issue(service, pyDirect, data, i))); //$NON-NLS-1$ //$NON-NLS-2$
		if (OpenSsl.available()) {
			results.add(measure("openssl.ec_p256_self", "openssl  ec-p256  req -x509, 1 process each", perCase, //$NON-NLS-1$ //$NON-NLS-2$
					i -> OpenSsl.selfSigned(work, "ec", "-pkeyopt", "ec_paramgen_curve:P-256"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			results.add(measure("openssl.rsa2048_self", "openssl  rsa-2048 req -x509, 1 process each", perCase, //$NON-NLS-1$ //$NON-NLS-2$
					i -> OpenSsl.selfSigned(work, "rsa:2048"))); //$NON-NLS-1$
		} else {
			System.out.println("openssl not found on the PATH: skipping the openssl cases"); //$NON-NLS-1$
		}

		System.out.printf("%n%-46s %8s %12s %12s%n", "case", "certs", "certs/s", "ms/cert"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		for (Result result : results) {
			System.out.printf(Locale.ROOT, "%-46s %8d %12.1f %12.3f%n", result.name(), result.count(), //$NON-NLS-1$
					result.perSecond(), result.millisEach());
		}
		System.out.println();
		for (Result result : results) {
			System.out.printf(Locale.ROOT, "FIGURE certs.%s.rate %.1f certs/s %s, key generation included, one thread, %d certificates%n", //$NON-NLS-1$
					result.key(), result.perSecond(), result.name().replaceAll("\\s+", " "), result.count()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		System.out.println();
		ratio(results, "factory  ec-p256  CA-issued", "factory  rsa-2048 self-signed (pyDirect)"); //$NON-NLS-1$ //$NON-NLS-2$
		ratio(results, "service  ec-p256  CA-issued", "service  rsa-2048 self-signed (pyDirect)"); //$NON-NLS-1$ //$NON-NLS-2$
		ratio(results, "service  ec-p256  CA-issued", "openssl  ec-p256  req -x509, 1 process each"); //$NON-NLS-1$ //$NON-NLS-2$
		ratio(results, "service  ec-p256  CA-issued", "openssl  rsa-2048 req -x509, 1 process each"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void pem(DeviceCertificate certificate) {
		Pem.certificates(certificate.chain());
		Pem.privateKeyPkcs8(certificate.keyPair().getPrivate()).destroy();
	}

	private static void issue(LocalCertificateService service, CertificateRequest request, Path data, int index)
			throws Exception {
		if (index % INVENTORY_RESET == 0) {
			Files.deleteIfExists(data.resolve("inventory.json")); //$NON-NLS-1$
		}
		service.issue(request).privateKeyPem().destroy();
	}

	/** Warms up for a fifth of the time, then counts issuances until the time is up. */
	private static Result measure(String key, String name, Duration duration, Issuance issuance) throws Exception {
		long warmUpEnd = System.nanoTime() + duration.toNanos() / 5;
		int index = 0;
		while (System.nanoTime() < warmUpEnd) {
			issuance.issueOne(index++);
		}
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		int count = 0;
		long finished;
		do {
			issuance.issueOne(index++);
			count++;
			finished = System.nanoTime();
		} while (finished < end);
		Result result = new Result(key, name, count, finished - start);
		System.out.printf(Locale.ROOT, "  %-46s %10.1f certs/s%n", name, result.perSecond()); //$NON-NLS-1$
		return result;
	}

	private static void ratio(List<Result> results, String faster, String slower) {
		Optional<Result> a = results.stream().filter(r -> r.name().equals(faster)).findFirst();
		Optional<Result> b = results.stream().filter(r -> r.name().equals(slower)).findFirst();
		if (a.isPresent() && b.isPresent()) {
			System.out.printf(Locale.ROOT, "%s is %.1fx the rate of %s%n", faster.replaceAll("\\s+", " "), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					a.get().perSecond() / b.get().perSecond(), slower.replaceAll("\\s+", " ")); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** The openssl command line, one process per certificate, as a shell script would run it. */
	private static final class OpenSsl {

		static boolean available() {
			try {
				return new ProcessBuilder("openssl", "version").redirectErrorStream(true) //$NON-NLS-1$ //$NON-NLS-2$
						.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
			} catch (IOException | InterruptedException e) {
				return false;
			}
		}

		static void selfSigned(Path work, String... newKey) throws IOException, InterruptedException {
			List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			command.addAll(List.of(newKey));
			command.addAll(List.of("-nodes", "-sha256", "-days", "397", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"-keyout", work.resolve("prvtkey.pem").toString(), //$NON-NLS-1$ //$NON-NLS-2$
					"-out", work.resolve("servercert.pem").toString(), //$NON-NLS-1$ //$NON-NLS-2$
					"-subj", "/CN=" + HOST + ".local", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					"-addext", "subjectAltName=DNS:" + HOST + ".local,DNS:*." + HOST + ".local", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
					"-addext", "basicConstraints=critical,CA:FALSE", //$NON-NLS-1$ //$NON-NLS-2$
					"-addext", "extendedKeyUsage=serverAuth")); //$NON-NLS-1$ //$NON-NLS-2$
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("openssl failed: " + String.join(" ", command)); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
	}

	/** The benchmark has no secure storage; a fixed password keeps it self-contained. */
	private static final class FixedPassword implements CaPasswordSource {

		@Override
		public Secret existing() {
			return Secret.of("benchmark-only"); //$NON-NLS-1$
		}

		@Override
		public Secret existingOrNew() {
			return existing();
		}

		@Override
		public String describe() {
			return "a fixed benchmark password"; //$NON-NLS-1$
		}
	}
}
