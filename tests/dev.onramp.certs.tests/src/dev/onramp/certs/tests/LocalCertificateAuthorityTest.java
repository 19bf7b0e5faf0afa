/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.CaKeyAlgorithm;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.certs.internal.DeviceCertificateFactory;
import dev.onramp.certs.internal.DeviceCertificateFactory.DeviceCertificate;
import dev.onramp.certs.internal.Fingerprints;
import dev.onramp.certs.internal.LocalCertificateAuthority;
import dev.onramp.certs.internal.LocalCertificateService;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.certs.IssuedCertificate;
import dev.onramp.core.certs.KeyType;

class LocalCertificateAuthorityTest {

	@TempDir
	Path dataDirectory;

	private final InMemoryCaPasswordSource passwords = new InMemoryCaPasswordSource();

	private LocalCertificateService service() {
		return new LocalCertificateService(dataDirectory, passwords, Clock.systemUTC());
	}

	@Test
	void createdOnFirstUseAndReopenedLater() throws Exception {
		assertTrue(service().info().isEmpty());
		IssuedCertificate issued = service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		CaInfo ca = service().info().orElseThrow();
		assertEquals(CaKeyAlgorithm.EC_P256, ca.keyAlgorithm());
		assertEquals(1, passwords.created());

		X509Certificate caCertificate = Certificates.parse(service().exportPem()).get(0);
		assertEquals(ca.fingerprintSha256(), Fingerprints.sha256(caCertificate));
		assertEquals(caCertificate, Certificates.parse(issued.certificateChainPem()).get(1));
		assertArrayEquals(caCertificate.getEncoded(), service().exportDer());
		assertEquals(ca, service().initialize(CaKeyAlgorithm.RSA_3072), "an existing CA is kept"); //$NON-NLS-1$
		assertEquals(1, passwords.created());
	}

	@Test
	void keyStoreIsOwnerOnlyAndHoldsNoPlainPassword() throws Exception {
		CaInfo ca = service().initialize(CaKeyAlgorithm.EC_P256);
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.keyStoreFile()))); //$NON-NLS-1$
		assertEquals("rwx------", //$NON-NLS-1$
				PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.keyStoreFile().getParent())));
		service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$

		byte[] password = passwords.password().getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(dataDirectory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertFalse(contains(Files.readAllBytes(file), password), file + " contains the CA password"); //$NON-NLS-1$
			}
		}
	}

	@Test
	void exposedKeyStoreIsRestrictedToItsOwner() throws Exception {
		CaInfo ca = service().initialize(CaKeyAlgorithm.EC_P256);
		Files.setPosixFilePermissions(ca.keyStoreFile(), PosixFilePermissions.fromString("rw-r--r--")); //$NON-NLS-1$
		service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ca.keyStoreFile()))); //$NON-NLS-1$
	}

	@Test
	void certificateCarriesCriticalLocalNameConstraints() throws Exception {
		service().initialize(CaKeyAlgorithm.EC_P256);
		X509Certificate ca = Certificates.parse(service().exportPem()).get(0);
		assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.30")); //$NON-NLS-1$
		assertEquals(0, ca.getBasicConstraints());
		assertTrue(ca.getKeyUsage()[5], "keyCertSign"); //$NON-NLS-1$
		NameConstraints constraints = NameConstraints.getInstance(new JcaX509CertificateHolder(ca)
				.getExtension(Extension.nameConstraints).getParsedValue());
		List<String> permitted = Stream.of(constraints.getPermittedSubtrees())
				.map(subtree -> subtree.getBase().getTagNo() + ":" + subtree.getBase().getName()).toList(); //$NON-NLS-1$
		assertTrue(permitted.contains(GeneralName.dNSName + ":local"), permitted::toString); //$NON-NLS-1$
		assertTrue(permitted.contains(GeneralName.dNSName + ":localhost"), permitted::toString); //$NON-NLS-1$
		assertEquals(2 + 8, permitted.size(), permitted::toString);
		assertTrue(constraints.getExcludedSubtrees() == null || constraints.getExcludedSubtrees().length == 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "pydirect-e5f6.local", "localhost", "192.168.1.20", "10.1.2.3", "172.31.255.1",
			"169.254.10.1", "127.0.0.1", "fe80::1", "fd12:3456::1" })
	void localNamesValidateUnderTheCa(String name) throws Exception {
		assertDoesNotThrowValidation(certificateFor(name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "www.example.com", "example.local.com", "8.8.8.8", "172.32.0.1", "2001:db8::1" })
	void publicNamesFailPkixValidationUnderTheCa(String name) throws Exception {
		CertificateChain chain = certificateFor(name);
		assertThrows(CertPathValidatorException.class,
				() -> Certificates.validate(List.of(chain.leaf()), chain.anchor()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "www.example.com", "example.com", "pydirect e5f6", "-bad", "" })
	void serviceRefusesNamesThatAreNotDeviceNames(String hostname) {
		OnrampException refused = assertThrows(OnrampException.class,
				() -> service().issue(CertificateProfiles.caIssued(hostname, List.of())));
		assertEquals(FailureReason.USAGE, refused.reason());
		assertFalse(Files.exists(dataDirectory.resolve("inventory.json")), "nothing issued"); //$NON-NLS-1$
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "2001:db8::1", "100.64.0.1" })
	void serviceRefusesPublicAddresses(String address) throws Exception {
		InetAddress ip = InetAddress.getByName(address);
		OnrampException refused = assertThrows(OnrampException.class,
				() -> service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of(ip)))); //$NON-NLS-1$
		assertEquals(FailureReason.USAGE, refused.reason());
		assertTrue(refused.getMessage().contains(ip.getHostAddress()), refused::getMessage);
	}

	@Test
	void rsaCaIsAvailable() throws Exception {
		CaInfo ca = service().initialize(CaKeyAlgorithm.RSA_3072);
		assertEquals(CaKeyAlgorithm.RSA_3072, ca.keyAlgorithm());
		IssuedCertificate issued = service().issue(CertificateProfiles.caIssued("pydirect-e5f6", List.of())); //$NON-NLS-1$
		List<X509Certificate> chain = Certificates.parse(issued.certificateChainPem());
		Certificates.validate(chain.subList(0, 1), chain.get(1));
		assertEquals("SHA256withRSA", chain.get(0).getSigAlgName()); //$NON-NLS-1$
	}

	@Test
	void trustInstructionsNameThePlatformsAndTheFile() throws Exception {
		CaInfo ca = service().initialize(CaKeyAlgorithm.EC_P256);
		Path exported = dataDirectory.resolve("onramp-ca.crt"); //$NON-NLS-1$
		String text = service().trustInstructions(exported);
		for (String expected : List.of("Linux", "macOS", "Windows", "Firefox", "Android", "iPhone", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
				exported.toString(), ca.fingerprintSha256())) {
			assertTrue(text.contains(expected), expected);
		}
		assertFalse(text.contains("${"), text); //$NON-NLS-1$
	}

	@Test
	void exportWithoutCaExplainsWhatToDo() {
		OnrampException missing = assertThrows(OnrampException.class, () -> service().exportPem());
		assertTrue(missing.userText().contains("Create the local certificate authority"), missing::userText); //$NON-NLS-1$
		assertFalse(missing.userText().contains("onramp ca"), "a service hint names no command: " + missing.userText()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(Optional.of(Remedy.NEW_CERTIFICATE_AUTHORITY), missing.remedy());
	}

	@Test
	void twoDataDirectoriesMakeTwoAuthorities(@TempDir Path other) throws Exception {
		CaInfo first = service().initialize(CaKeyAlgorithm.EC_P256);
		CaInfo second = new LocalCertificateService(other, new InMemoryCaPasswordSource(), Clock.systemUTC())
				.initialize(CaKeyAlgorithm.EC_P256);
		assertNotEquals(first.fingerprintSha256(), second.fingerprintSha256());
	}

	private record CertificateChain(X509Certificate leaf, X509Certificate anchor) {
	}

	/** Builds a certificate directly with the CA, bypassing the service and its refusal of public names. */
	private static CertificateChain certificateFor(String name) throws Exception {
		Instant now = Instant.now();
		LocalCertificateAuthority ca = LocalCertificateAuthority.create(CaKeyAlgorithm.EC_P256, "Test CA", now); //$NON-NLS-1$
		boolean address = Character.isDigit(name.charAt(0)) || name.contains(":"); //$NON-NLS-1$
		// an address goes next to a permitted DNS name, so only the address decides the outcome
		String dnsName = address ? "device.local" : name; //$NON-NLS-1$
		DeviceCertificate device = DeviceCertificateFactory.create(dnsName, List.of(dnsName),
				address ? List.of(InetAddress.getByName(name)) : List.of(), KeyType.EC_P256, now,
				now.plus(Duration.ofDays(30)), Optional.of(ca));
		return new CertificateChain(device.certificate(), ca.certificate());
	}

	private static void assertDoesNotThrowValidation(CertificateChain chain) throws Exception {
		Certificates.validate(List.of(chain.leaf()), chain.anchor());
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
