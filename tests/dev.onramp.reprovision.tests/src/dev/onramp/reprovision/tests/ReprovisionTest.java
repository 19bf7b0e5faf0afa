/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.reprovision.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.ICertificateInventory;
import dev.onramp.core.certs.ICertificateService;
import dev.onramp.core.certs.ICertificateVerifier;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.discovery.IDiscoveryService;
import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.provisioning.ReprovisionResult;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;
import dev.onramp.provisioning.internal.bless.Reprovisioner;
import dev.onramp.simulator.Fault;
import dev.onramp.simulator.WebFault;

/** The blessing end to end: real REPL client, CA, TLS checks and registry against the simulated pyDirect board. */
class ReprovisionTest {

	private static IReprovisioner reprovisioner;

	@BeforeAll
	static void services() {
		reprovisioner = TestServices.service(IReprovisioner.class);
	}

	private static ReprovisionRequest request(Board board, TrustMode trust, KeyType key, boolean reset, int waitSeconds) {
		return new ReprovisionRequest(board.port(), trust, Optional.empty(), List.of(), key, OptionalInt.empty(), reset,
				Duration.ofSeconds(waitSeconds)).withHttpsPort(board.device.httpsPort());
	}

	/**
	 * Found by mDNS: the request names no HTTPS port, so the address the board had is remembered with pyDirect's
	 * 443, where nothing answers on this machine; only the board's announcement (its SRV record names the port the
	 * simulated board serves on) can find it again. Needs multicast on loopback, which CI turns on as root.
	 */
	@Test
	void aBlessingFromTheLocalCaIsServedExactlyAfterTheReset() throws Exception {
		TestServices.requireLoopbackMulticast();
		TestServices.requireNothingListensOn(443);
		try (Board board = Board.onLab(1, true)) {
			ReprovisionResult result = reprovisioner.reprovision(new ReprovisionRequest(board.port(), TrustMode.CA,
					Optional.empty(), List.of(), KeyType.EC_P256, OptionalInt.empty(), true, Duration.ofSeconds(30)),
					new NullProgressMonitor());
			assertTrue(result.verified());
			assertEquals(board.hostname(), result.hostname());
			assertEquals("https://" + board.hostname() + ".local:" + board.device.httpsPort() + "/setup", result.url(),
					"pyDirect boots into its setup server, on the port its announcement names");
			assertEquals("mdns", result.foundBy());
			assertEquals(List.of(InetAddress.getByName("127.0.0.1")), TestServices.service(IDiscoveryService.class)
					.resolve(board.hostname(), Duration.ofSeconds(15)), "announced over mDNS on loopback");
			assertEquals(Optional.of("127.0.0.1"), result.ipAddress());
			String[] served = board.served();
			assertEquals(Board.normalized(result.fingerprintSha256()), served[0]);
			assertTrue(served[1].startsWith("HTTP/1.1 200"), served[1]);
			assertTrue(served[1].contains("pyDirect"), served[1]);
			assertTrue(served[2].contains("CN=" + board.hostname() + ".local"), served[2]);
			assertFalse(served[2].equals(served[3]), "issued by the local CA, not self-signed");
			assertEquals(Boolean.TRUE, board.device.settings().get("server.https_enabled"));
			assertEquals(1, board.device.hardResets());
			assertTrue(TestServices.service(ICertificateInventory.class).entries().stream()
					.anyMatch(e -> Board.normalized(e.fingerprintSha256()).equals(served[0])), "recorded in the inventory");
			assertFalse(Board.read(board.flash("certs/prvtkey.pem")).isEmpty());
		}
	}

	/** Found at its last known address: this board does not announce itself. */
	@Test
	void theSelfSignedProfileIsServedToo() throws Exception {
		try (Board board = Board.onLab(2, false)) {
			ReprovisionResult result = reprovisioner.reprovision(
					request(board, TrustMode.SELF_SIGNED, KeyType.RSA_2048, true, 30), new NullProgressMonitor());
			assertTrue(result.verified());
			assertEquals("ip", result.foundBy());
			String[] served = board.served();
			assertEquals(Board.normalized(result.fingerprintSha256()), served[0]);
			assertEquals(served[2], served[3], "self-signed");
			assertTrue(Board.read(board.flash("certs/prvtkey.pem")).contains("BEGIN PRIVATE KEY"));
		}
	}

	@Test
	void withoutResetTheInstallIsVerifiedAndTheDeviceLeftAlone() throws Exception {
		try (Board board = Board.onLab(3, false)) {
			ReprovisionResult result = reprovisioner.reprovision(
					request(board, TrustMode.CA, KeyType.EC_P256, false, 30), new NullProgressMonitor());
			assertFalse(result.verified());
			assertEquals("none", result.foundBy());
			assertEquals(0, board.device.hardResets());
			assertFalse(board.device.servesHttps());
			assertTrue(Board.read(board.flash("certs/servercert.pem")).contains("BEGIN CERTIFICATE"));
			assertFalse(java.nio.file.Files.exists(board.flash("certs/servercert.pem.new")));
			assertEquals(Boolean.TRUE, board.device.settings().get("server.https_enabled"));
		}
	}

	@Test
	void aDeviceThatVanishesMidInstallKeepsItsOldCertificate() throws Exception {
		try (Board board = Board.onLab(4, false)) {
			java.nio.file.Files.createDirectories(board.flash("certs"));
			java.nio.file.Files.writeString(board.flash("certs/servercert.pem"), "old certificate\n");
			java.nio.file.Files.writeString(board.flash("certs/prvtkey.pem"), "old key\n");
			ISerialPortService real = TestServices.service(ISerialPortService.class);
			// the cable is pulled while the key goes over the wire (the certificate is already staged)
			ISerialPortService pulling = new ISerialPortService() {
				@Override
				public List<SerialPortInfo> listPorts() {
					return real.listPorts();
				}

				@Override
				public IByteChannel open(String port, int baudRate) throws OnrampException {
					IByteChannel channel = real.open(port, baudRate);
					return new IByteChannel() {
						private boolean pulled;

						@Override
						public String name() {
							return channel.name();
						}

						@Override
						public int read(byte[] buffer, int offset, int length, Duration timeout)
								throws OnrampException {
							return channel.read(buffer, offset, length, timeout);
						}

						@Override
						public void write(byte[] data, int offset, int length) throws OnrampException {
							if (!pulled && new String(data, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1)
									.contains("prvtkey.pem")) {
								pulled = true;
								board.device.injectFault(Fault.dropLineAfter(40));
							}
							channel.write(data, offset, length);
						}

						@Override
						public boolean isOpen() {
							return channel.isOpen();
						}

						@Override
						public void close() {
							channel.close();
						}
					};
				}

				@Override
				public void addPortListener(IPortListener listener) {
					real.addPortListener(listener);
				}

				@Override
				public void removePortListener(IPortListener listener) {
					real.removePortListener(listener);
				}
			};
			Reprovisioner direct = new Reprovisioner(pulling, TestServices.service(IReplService.class),
					TestServices.service(ICertificateService.class), TestServices.service(ICertificateVerifier.class),
					TestServices.service(IDeviceRegistry.class));
			OnrampException failure = assertThrows(OnrampException.class, () -> direct
					.reprovision(request(board, TrustMode.CA, KeyType.EC_P256, true, 10), new NullProgressMonitor()));
			assertEquals(FailureReason.DEVICE_VANISHED, failure.reason(), failure::userText);
			assertEquals("old certificate\n", Board.read(board.flash("certs/servercert.pem")));
			assertEquals("old key\n", Board.read(board.flash("certs/prvtkey.pem")));
			assertEquals(0, board.device.hardResets());
		}
	}

	@Test
	void aDeviceThatNeverComesBackTimesOutWithinTheBound() throws Exception {
		try (Board board = Board.onLab(5, false)) {
			board.device.injectWebFault(WebFault.NEVER_COMES_BACK);
			long start = System.nanoTime();
			OnrampException failure = assertThrows(OnrampException.class, () -> reprovisioner
					.reprovision(request(board, TrustMode.CA, KeyType.EC_P256, true, 3), new NullProgressMonitor()));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertEquals(FailureReason.TIMEOUT, failure.reason(), failure::userText);
			assertEquals(7, failure.reason().exitCode());
			assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
			assertTrue(failure.hint().orElse("").contains("127.0.0.1"), failure::userText);
		}
	}

	@Test
	void aDeviceServingAnotherCertificateIsAMismatch() throws Exception {
		try (Board board = Board.onLab(6, false)) {
			ReprovisionResult first = reprovisioner.reprovision(
					request(board, TrustMode.CA, KeyType.EC_P256, true, 30), new NullProgressMonitor());
			assertTrue(first.verified());
			board.device.injectWebFault(WebFault.SERVES_STALE_CERTIFICATE);
			OnrampException failure = assertThrows(OnrampException.class, () -> reprovisioner
					.reprovision(request(board, TrustMode.CA, KeyType.EC_P256, true, 30), new NullProgressMonitor()));
			assertEquals(FailureReason.CERTIFICATE_MISMATCH, failure.reason(), failure::userText);
			assertEquals(8, failure.reason().exitCode());
			assertEquals(Board.normalized(first.fingerprintSha256()), board.served()[0]);
		}
	}

	@Test
	void aGivenHostnameIsCertifiedAndTheDeviceTakesIt() throws Exception {
		try (Board board = Board.onLab(7, false)) {
			ReprovisionRequest request = new ReprovisionRequest(board.port(), TrustMode.CA, Optional.of("lab-sensor.local"),
					List.of(InetAddress.getByName("10.0.0.7")), KeyType.EC_P256, OptionalInt.of(30), true,
					Duration.ofSeconds(30)).withHttpsPort(board.device.httpsPort());
			ReprovisionResult result = reprovisioner.reprovision(request, new NullProgressMonitor());
			assertTrue(result.verified());
			assertEquals("lab-sensor", result.hostname());
			assertEquals("lab-sensor", board.device.settings().get("device.hostname"));
			assertTrue(board.served()[2].contains("CN=lab-sensor.local"));
			assertTrue(result.notAfter().isBefore(java.time.Instant.now().plus(Duration.ofDays(31))));
		}
	}

	@Test
	void cancellingDuringTheInstallStopsBeforeAnythingIsReplaced() throws Exception {
		try (Board board = Board.onLab(8, false)) {
			NullProgressMonitor monitor = new NullProgressMonitor() {
				@Override
				public void subTask(String name) {
					if (name.startsWith("Installing")) {
						setCanceled(true);
					}
				}
			};
			OnrampException failure = assertThrows(OnrampException.class,
					() -> reprovisioner.reprovision(request(board, TrustMode.CA, KeyType.EC_P256, true, 10), monitor));
			assertEquals(FailureReason.CANCELLED, failure.reason());
			assertFalse(java.nio.file.Files.exists(board.flash("certs/servercert.pem")));
			assertEquals(0, board.device.hardResets());
		}
	}
}
