/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.provisioning.internal.Security2;
import dev.onramp.provisioning.internal.Srp6a;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig.ReplyFault;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

class ProtocommClientTest {

	/**
	 * ESP-IDF examples/provisioning/wifi_prov_mgr: salt and verifier for wifiprov / abcd1234; the same pair is in
	 * ESP-IDF components/protocomm/test_apps/main/test_srp.c (commit 05921ab663ef958c8231eaff4d6259aa0bb89ab9).
	 */
	static final byte[] IDF_SALT = HexFormat.of().parseHex("036ee0c7bcb9eda84c9eac97d93decf4");
	static final byte[] IDF_VERIFIER = HexFormat.of().parseHex(""
			+ "7c7c85476508946dd636af37d7e8914378cffd616c59d2f83908127238de9e24a470261cdfa903c2b270e7b13224da11"
			+ "1d9718dc607208cc9ac90c4827e2ae89aa1625b804d21a9b3a8f37f6e43a712ee127866eadce28ff5446601fb99687dc"
			+ "5740a7d46cc97754dc1682f0ed356ac470ad3d90b5819470d7bc65b2d518e02ec3a5f968dd647bb8b73c9cfc00d8717e"
			+ "b79a7cb1b7c2c318342932433e0099e98294e3d82ab09629b7df0e5f08334076529132009f972c896c391ec8280544"
			+ "173f68028a9f4461d1f5a17e5a70d2c72381cb3868e42c20bc40577617bd08b896bc26eb32466935058c1570d91be9be"
			+ "cca938a667f0ad5013197264bf52c234e21b11797472bd345bb1e2fd6673fe716474d04ebc51241940870e9240e621e7"
			+ "2d4e37762f2ee268c789e8321342068484534ab30c1b4c8d1c519719abae77ffdbecf0109534336bcb3e840fb9d85fb8"
			+ "a0b855533e70f718f5ce7b4ebf27cecea8b3be40c5c532293e71649ede8cf675a1e6f653c831a878de5040f762de36b2ba");

	private final Devices devices = new Devices();
	private final ProtocommProvisioner provisioner = new ProtocommProvisioner();

	@AfterEach
	void closeDevices() {
		devices.close();
	}

	private ProvisioningResult provision(SimulatedProtocommDevice device, String pop, String ssid, String password)
			throws OnrampException {
		return provisioner.provision(Devices.target(device, "auto", pop),
				new WifiCredentials(ssid, Secret.of(password)), new NullProgressMonitor());
	}

	@Test
	void srpVerifierReproducesTheEspIdfExample() {
		byte[] verifier = Srp6a.verifier(IDF_SALT, "wifiprov".getBytes(StandardCharsets.UTF_8),
				"abcd1234".getBytes(StandardCharsets.UTF_8));
		assertEquals(384, IDF_VERIFIER.length);
		assertArrayEquals(IDF_VERIFIER, verifier);
	}

	@Test
	void gcmNonceCounterIsBigEndianInTheLastFourBytes() {
		byte[] nonce = HexFormat.of().parseHex("0102030405060708000000ff");
		Security2.advance(nonce);
		assertEquals("010203040506070800000100", HexFormat.of().formatHex(nonce));
	}

	@Test
	void security0() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(0).pop(null));
		ProvisioningResult result = provision(device, null, Devices.HOME, Devices.HOME_PASSWORD);
		assertEquals("0", result.security());
		assertEquals("192.168.1.77", result.ipAddress().orElseThrow());
		// the result's SSID is the one the caller gave; what counts is what reached the device
		assertEquals(Devices.HOME, device.lastReceivedSsid());
	}

	@Test
	void security1() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("s1-pop-42"));
		ProvisioningResult result = provision(device, "s1-pop-42", Devices.OFFICE, Devices.OFFICE_PASSWORD);
		assertEquals("1", result.security());
		assertEquals("192.168.1.77", result.ipAddress().orElseThrow());
	}

	@Test
	void security1WithoutProofOfPossession() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop(null));
		assertEquals("1", provision(device, null, Devices.HOME, Devices.HOME_PASSWORD).security());
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1 })
	void security2(int patch) throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2).patchVersion(patch));
		try (IProtocommSession session = provisioner.open(Devices.target(device, "auto", "abcd1234"),
				new NullProgressMonitor())) {
			assertEquals("2", session.security());
			assertEquals(patch, session.protocolInfo().securityPatchVersion());
			// several encrypted exchanges: with patch 1 a nonce out of step would fail the GCM tag
			assertEquals(device.visibleNetworks(), session.scan(new NullProgressMonitor()).size());
			ProtocommOutcome outcome = session.provision(new WifiCredentials(Devices.HOME,
					Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor());
			assertTrue(outcome.confirmed());
			assertEquals("192.168.1.77", outcome.result().ipAddress().orElseThrow());
		}
	}

	@Test
	void security2WithThePublishedSaltAndVerifier() throws Exception {
		SimulatedProtocommDevice device = devices
				.start(Devices.config().security(2).pop(null).saltAndVerifier(IDF_SALT, IDF_VERIFIER));
		assertEquals("2", provision(device, "abcd1234", Devices.HOME, Devices.HOME_PASSWORD).security());
	}

	@Test
	void wrongPopSecurity1IsRejected() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("right-pop"));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision(device, "wrong-pop", Devices.HOME, Devices.HOME_PASSWORD));
		assertEquals(FailureReason.HANDSHAKE_REJECTED, e.reason());
		assertEquals(4, e.reason().exitCode());
		assertTrue(e.hint().orElseThrow().contains("proof of possession"));
	}

	@Test
	void wrongPopSecurity2IsRejected() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision(device, "abcd1235", Devices.HOME, Devices.HOME_PASSWORD));
		assertEquals(FailureReason.HANDSHAKE_REJECTED, e.reason());
	}

	@Test
	void wrongUsernameSecurity2IsRejected() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provisioner.provision(Devices.target(device, "2", "someone", "abcd1234", Duration.ofSeconds(20)),
						new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), null));
		assertEquals(FailureReason.HANDSHAKE_REJECTED, e.reason());
		assertTrue(e.hint().orElseThrow().contains("username"));
	}

	@Test
	void wrongPasswordThenResetAndRetrySucceeds() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2).attempts(3));
		Devices.RecordingMonitor monitor = new Devices.RecordingMonitor();
		try (IProtocommSession session = provisioner.open(Devices.target(device, "auto", "abcd1234"), monitor)) {
			OnrampException e = assertThrows(OnrampException.class, () -> session
					.provision(new WifiCredentials(Devices.HOME, Secret.of("not the password")), monitor));
			assertEquals(FailureReason.WIFI_AUTH_FAILED, e.reason());
			assertEquals(5, e.reason().exitCode());
			assertTrue(monitor.tasks.stream().anyMatch(t -> t.contains("2 attempts remaining")), monitor.tasks::toString);
			session.resetAfterFailure(monitor);
			ProtocommOutcome outcome = session.provision(
					new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), monitor);
			assertTrue(outcome.confirmed());
		}
		assertEquals(1, device.resets());
	}

	@Test
	void aNewRunAfterAFailedOneResetsTheDeviceFirst() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("p0p"));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision(device, "p0p", Devices.HOME, "wrong"));
		assertEquals(FailureReason.WIFI_AUTH_FAILED, e.reason());
		assertEquals("1", provision(device, "p0p", Devices.HOME, Devices.HOME_PASSWORD).security());
		assertEquals(1, device.resets());
	}

	@Test
	void unknownNetworkIsNotFound() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision(device, "abcd1234", "Cafe-5GHz", "whatever"));
		assertEquals(FailureReason.WIFI_NETWORK_NOT_FOUND, e.reason());
		assertEquals(6, e.reason().exitCode());
		assertTrue(e.hint().orElseThrow().contains("2.4 GHz"));
	}

	@Test
	void silentDeviceTimesOutWithinTheBound() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().silent(true));
		Duration bound = Duration.ofMillis(1500);
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class,
				() -> provisioner.provision(Devices.target(device, "auto", null, "abcd1234", bound),
						new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), null));
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertEquals(7, e.reason().exitCode());
		assertTrue(elapsedMillis < bound.toMillis() + 1000, "took " + elapsedMillis + " ms");
	}

	@Test
	void unreachableEndpoint() throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		ProvisioningTarget target = new ProvisioningTarget("127.0.0.1:" + port, "auto", null,
				java.util.Optional.empty(), Duration.ofSeconds(5));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provisioner.scan(target, new NullProgressMonitor()));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason());
		assertEquals(3, e.reason().exitCode());
	}

	@Test
	void requestedSchemeDifferentFromTheDevicesIsExplained() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provisioner.open(Devices.target(device, "1", "abcd1234"), new NullProgressMonitor()));
		assertEquals(FailureReason.SECURITY_SCHEME_MISMATCH, e.reason());
		assertEquals(4, e.reason().exitCode());
		assertTrue(e.getMessage().contains("Security 1 was requested"), e.getMessage());
		assertTrue(e.getMessage().contains("runs security 2"), e.getMessage());
		// front-end neutral: the command adds its --sec option for the remedy (RemedyOptionsTest)
		assertTrue(e.hint().orElseThrow().contains("follow the scheme the device reports"), e.userText());
		assertEquals(Optional.of(Remedy.SECURITY_SCHEME), e.remedy());
	}

	@Test
	void scanReadsEveryPage() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("pop").extraVisibleNetworks(19));
		List<WifiNetwork> networks = provisioner.scan(Devices.target(device, "auto", "pop"), new NullProgressMonitor());
		assertEquals(21, device.visibleNetworks());
		assertEquals(21, networks.size());
		assertEquals(21, networks.stream().map(WifiNetwork::ssid).distinct().count());
		assertEquals(Devices.HOME, networks.get(0).ssid(), "strongest first");
		assertTrue(networks.stream().anyMatch(n -> !n.secured()));
	}

	@Test
	void rainmakerAssociation() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("pop")
				.rainmakerNodeId("node-7Xa9"));
		try (IProtocommSession session = provisioner.open(Devices.target(device, "auto", "pop"),
				new NullProgressMonitor())) {
			assertTrue(session.protocolInfo().rainmaker());
			assertEquals("node-7Xa9", session.associateUser("user-123", Secret.of("sk-secret"), new NullProgressMonitor()));
			assertTrue(session.provision(new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)),
					new NullProgressMonitor()).confirmed());
		}
		assertEquals("user-123", device.associatedUser());
	}

	@Test
	void customEndpoint() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2).patchVersion(1));
		try (IProtocommSession session = provisioner.open(Devices.target(device, "auto", "abcd1234"),
				new NullProgressMonitor())) {
			byte[] answer = session.exchange("custom-data", "hello".getBytes(StandardCharsets.UTF_8),
					new NullProgressMonitor());
			assertEquals("SUCCESS\0", new String(answer, StandardCharsets.US_ASCII));
		}
	}

	@Test
	void droppedConnectionAfterApplyIsUnknownNotFailure() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("pop").dropAfterApply(true));
		try (IProtocommSession session = provisioner.open(Devices.target(device, "auto", "pop"),
				new NullProgressMonitor())) {
			ProtocommOutcome outcome = session.provision(
					new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor());
			assertFalse(outcome.confirmed());
			assertTrue(outcome.result().ipAddress().isEmpty());
		}
	}

	@ParameterizedTest
	@EnumSource(value = ReplyFault.class, names = { "NOT_HTTP", "TRUNCATED_BODY" })
	void brokenRepliesAreProtocolErrorsNotHangs(ReplyFault fault) throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().replyFault(fault));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision(device, "abcd1234", Devices.HOME, Devices.HOME_PASSWORD));
		assertEquals(FailureReason.PROTOCOL_ERROR, e.reason());
		assertTrue(e.getMessage().contains("did not answer /proto-ver"), e.getMessage());
	}

	@Test
	void deviceStopsItsServiceAfterReportingConnected() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2));
		assertTrue(provision(device, "abcd1234", Devices.HOME, Devices.HOME_PASSWORD).ipAddress().isPresent());
		assertTrue(device.awaitServiceStopped(Duration.ofSeconds(5)));
		OnrampException e = assertThrows(OnrampException.class,
				() -> provision(device, "abcd1234", Devices.HOME, Devices.HOME_PASSWORD));
		assertEquals(FailureReason.DEVICE_UNREACHABLE, e.reason());
	}

	/**
	 * Why the test above once saw PROTOCOL_ERROR: the stopped device's port was free for anyone, and a connection
	 * to a free loopback port can even meet itself (its request read back as the "answer"). The device now keeps
	 * its port bound but not listening, as a device whose access point went down: a connection is refused and no
	 * other socket is given the port.
	 */
	@Test
	void stoppedServiceRefusesConnectionsAndKeepsItsPort() throws Exception {
		SimulatedProtocommDevice device = devices.start(Devices.config().security(0).pop(null));
		device.stopService();
		assertTrue(device.awaitServiceStopped(Duration.ofSeconds(5)));
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), device.port());
		for (int i = 0; i < 20; i++) {
			try (Socket socket = new Socket()) {
				assertThrows(ConnectException.class, () -> socket.connect(address, 2000));
			}
		}
		try (ServerSocket stranger = new ServerSocket()) {
			stranger.setReuseAddress(false);
			assertThrows(BindException.class, () -> stranger.bind(address));
		}
	}

	@Test
	void secretsNeverAppearInFailures() throws Exception {
		String pop = "canary-pop-8c1f2e";
		String password = "canary-pw-77aa19";
		SimulatedProtocommDevice device = devices.start(Devices.config().security(2).pop("another-pop"));
		OnrampException rejected = assertThrows(OnrampException.class,
				() -> provision(device, pop, Devices.HOME, password));
		SimulatedProtocommDevice device2 = devices.start(Devices.config().security(1).pop(pop));
		OnrampException authFailed = assertThrows(OnrampException.class,
				() -> provision(device2, pop, Devices.HOME, password));
		for (OnrampException e : List.of(rejected, authFailed)) {
			String text = e.userText() + e + (e.getCause() == null ? "" : e.getCause().toString());
			assertFalse(text.contains(pop), text);
			assertFalse(text.contains(password), text);
		}
		assertEquals(FailureReason.WIFI_AUTH_FAILED, authFailed.reason());
	}
}
