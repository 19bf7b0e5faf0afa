/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.commands.ProvisionCommand;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.simulator.protocomm.FaultInjectingProxy;
import dev.onramp.simulator.protocomm.FaultInjectingProxy.Fault;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * Broken answers at every step of protocomm: each ends in a clear, typed failure (never a hang, never a verdict on
 * the proof of possession) within the operation's bound; after the credentials were applied, a connection that
 * breaks means "check the device on the network".
 */
class ProtocommFaultTest {

	/** Generous for an answer that arrives at once; the faults below never need more than a few milliseconds. */
	private static final Duration BOUND = Duration.ofSeconds(3);

	private final Devices devices = new Devices();
	private final List<FaultInjectingProxy> proxies = new ArrayList<>();
	private final ProtocommProvisioner provisioner = new ProtocommProvisioner();

	@TempDir
	Path dataDir;

	@AfterEach
	void close() {
		proxies.forEach(FaultInjectingProxy::close);
		devices.close();
	}

	private ProvisioningTarget faulty(ProtocommDeviceConfig.Builder config, String endpoint, int occurrence,
			Fault fault, Duration timeout) throws IOException {
		SimulatedProtocommDevice device = devices.start(config);
		FaultInjectingProxy proxy = FaultInjectingProxy.start(device, endpoint, occurrence, fault);
		proxies.add(proxy);
		String pop = config.build().pop().orElse(null);
		return new ProvisioningTarget(proxy.endpoint(), "auto", null, Optional.ofNullable(pop).map(Secret::of), timeout);
	}

	/** @return the failure of a provisioning run, asserting it came within {@code bound} */
	private OnrampException failure(ProvisioningTarget target, Duration bound) {
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, () -> provisioner.provision(target,
				new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor()));
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertTrue(elapsedMillis < bound.toMillis(), "took " + elapsedMillis + " ms: " + e.getMessage());
		return e;
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "HEADERS_CUT", "BODY_SHORT", "NOT_HTTP", "BINARY_NOISE", "STATUS_500",
			"STATUS_405", "GARBAGE_BODY" })
	void brokenProtoVerAnswers(Fault fault) throws Exception {
		OnrampException e = failure(faulty(Devices.config(), "proto-ver", 1, fault, Duration.ofSeconds(20)), BOUND);
		assertEquals(FailureReason.PROTOCOL_ERROR, e.reason());
		assertTrue(e.getMessage().contains("proto-ver"), e.getMessage());
		assertTrue(e.hint().isPresent());
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "HEADERS_CUT", "BODY_SHORT", "NOT_HTTP", "BINARY_NOISE", "STATUS_500",
			"STATUS_404", "STATUS_405", "GARBAGE_BODY" })
	void brokenHandshakeAnswersAreProtocolErrorsNotRejections(Fault fault) throws Exception {
		for (int security = 1; security <= 2; security++) {
			for (int step = 1; step <= 2; step++) {
				OnrampException e = failure(faulty(Devices.config().security(security).pop("pop-" + security),
						"prov-session", step, fault, Duration.ofSeconds(20)), BOUND);
				String where = "security " + security + " step " + step + ": " + e.getMessage();
				// a broken answer says nothing about the PoP: exit 3 with a transport hint, not exit 4
				assertEquals(FailureReason.PROTOCOL_ERROR, e.reason(), where);
				assertTrue(e.getMessage().contains("prov-session"), where);
				assertFalse(e.userText().contains("pop-" + security), where);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "HEADERS_CUT", "BODY_SHORT", "NOT_HTTP", "BINARY_NOISE", "STATUS_500",
			"STATUS_404", "STATUS_405", "GARBAGE_BODY" })
	void brokenConfigAnswers(Fault fault) throws Exception {
		// security 0: a garbage body reaches the protobuf parser as it is
		OnrampException e = failure(faulty(Devices.config().security(0).pop(null), "prov-config", 1, fault,
				Duration.ofSeconds(20)), BOUND);
		assertEquals(FailureReason.PROTOCOL_ERROR, e.reason());
		assertTrue(e.getMessage().contains("prov-config"), e.getMessage());
	}

	@Test
	void connectionResetMidHandshakeIsAVanishedDeviceNotARejectedProofOfPossession() throws Exception {
		for (int security = 1; security <= 2; security++) {
			for (int step = 1; step <= 2; step++) {
				// the device got the client's session message, then the link dropped (a restart, the AP gone)
				OnrampException e = failure(faulty(Devices.config().security(security).pop("pop-" + security),
						"prov-session", step, Fault.RESET, Duration.ofSeconds(20)), BOUND);
				String where = "security " + security + " step " + step + ": " + e.userText();
				assertEquals(FailureReason.DEVICE_VANISHED, e.reason(), where);
				assertEquals(3, e.reason().exitCode(), where);
				assertTrue(e.getMessage().contains("was reset during /prov-session"), where);
				assertTrue(e.getMessage().contains("restarted or the Wi-Fi link to it dropped"), where);
				assertTrue(e.hint().orElseThrow().contains("still in provisioning mode"), where);
				assertFalse(e.userText().contains("pop-" + security), where);
			}
		}
	}

	@Test
	void connectionResetOnProtoVerOrConfigIsAVanishedDevice() throws Exception {
		OnrampException e = failure(faulty(Devices.config().security(1).pop("pop"), "proto-ver", 1, Fault.RESET,
				Duration.ofSeconds(20)), BOUND);
		assertEquals(FailureReason.DEVICE_VANISHED, e.reason(), e.userText());
		assertTrue(e.getMessage().contains("reset during /proto-ver"), e.getMessage());
		// prov-config 1 is the status read before the credentials: nothing was applied yet
		e = failure(faulty(Devices.config().security(2).pop("pop"), "prov-config", 1, Fault.RESET,
				Duration.ofSeconds(20)), BOUND);
		assertEquals(FailureReason.DEVICE_VANISHED, e.reason(), e.userText());
		assertTrue(e.getMessage().contains("reset during /prov-config"), e.getMessage());
	}

	@Test
	void connectionResetAfterApplyIsAnUnknownOutcomeNotAFailure() throws Exception {
		// prov-config requests: 1 status, 2 set, 3 apply, 4 the first status poll after apply
		ProvisioningTarget target = faulty(Devices.config().security(1).pop("pop"), "prov-config", 4, Fault.RESET,
				Duration.ofSeconds(20));
		try (IProtocommSession session = provisioner.open(target, new NullProgressMonitor())) {
			ProtocommOutcome outcome = session.provision(
					new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor());
			assertFalse(outcome.confirmed());
		}
	}

	@Test
	void slowAnswerJustInsideTheDeadlineSucceeds() throws Exception {
		Duration timeout = Duration.ofMillis(2500);
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("pop"));
		// the scan's start (prov-scan 1) is answered after 1.8 s: slow, but within the operation's 2.5 s; the rest of
		// a scan (proto-ver, the handshake, the result pages) has no waits of its own
		FaultInjectingProxy proxy = FaultInjectingProxy.startDelayed(device, "prov-scan", 1, Duration.ofMillis(1800));
		proxies.add(proxy);
		ProvisioningTarget target = new ProvisioningTarget(proxy.endpoint(), "auto", null,
				Optional.of(Secret.of("pop")), timeout);
		long start = System.nanoTime();
		assertEquals(device.visibleNetworks(), provisioner.scan(target, new NullProgressMonitor()).size());
		assertTrue(System.nanoTime() - start >= Duration.ofMillis(1800).toNanos(), "the answer really was slow");
	}

	@Test
	void slowAnswerJustOutsideTheDeadlineTimesOutAskingForMoreTime() throws Exception {
		Duration timeout = Duration.ofMillis(1500);
		SimulatedProtocommDevice device = devices.start(Devices.config().security(1).pop("pop"));
		FaultInjectingProxy proxy = FaultInjectingProxy.startDelayed(device, "prov-config", 2, Duration.ofMillis(2000));
		proxies.add(proxy);
		ProvisioningTarget target = new ProvisioningTarget(proxy.endpoint(), "auto", null,
				Optional.of(Secret.of("pop")), timeout);
		OnrampException e = failure(target, timeout.plusMillis(700));
		assertEquals(FailureReason.TIMEOUT, e.reason(), e.userText());
		assertEquals(Optional.of(Remedy.MORE_TIME), e.remedy(), e.userText());
		assertTrue(e.getMessage().contains("did not answer /prov-config within 1.5 s."), e.getMessage());
	}

	@Test
	void silentDeviceAsksForMoreTimeWithinTheBound() throws Exception {
		// no byte at all on the session: a device that accepted the connection and hung
		Duration timeout = Duration.ofMillis(1500);
		OnrampException e = failure(faulty(Devices.config().security(2).pop("pop"), "prov-session", 1, Fault.SILENT,
				timeout), timeout.plusMillis(700));
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertEquals(Optional.of(Remedy.MORE_TIME), e.remedy());
		assertTrue(e.getMessage().contains("/prov-session"), e.getMessage());
	}

	@Test
	void garbageEncryptedAnswerIsAProtocolError() throws Exception {
		// security 2: the GCM tag rejects it (with security 1's CTR, garbage decrypts to other garbage)
		OnrampException e = failure(faulty(Devices.config().security(2).pop("pop"), "prov-config", 2,
				Fault.GARBAGE_BODY, Duration.ofSeconds(20)), BOUND);
		assertEquals(FailureReason.PROTOCOL_ERROR, e.reason(), e.getMessage());
	}

	@Test
	void silentAnswerTimesOutWithinTheBound() throws Exception {
		Duration timeout = Duration.ofMillis(1500);
		OnrampException e = failure(faulty(Devices.config(), "prov-config", 2, Fault.SILENT, timeout),
				timeout.plusSeconds(1));
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertEquals(7, e.reason().exitCode());
		assertTrue(e.getMessage().contains("prov-config"), e.getMessage());
	}

	@Test
	void tricklingAnswerTimesOutWithinTheBound() throws Exception {
		// one byte every 100 ms: every single read succeeds, only the overall deadline can stop it
		Duration timeout = Duration.ofMillis(1500);
		OnrampException e = failure(faulty(Devices.config(), "proto-ver", 1, Fault.TRICKLE, timeout),
				timeout.plusSeconds(1));
		assertEquals(FailureReason.TIMEOUT, e.reason());
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "HEADERS_CUT", "BODY_SHORT" })
	void answerCutShortAfterApplyIsUnknownNotFailure(Fault fault) throws Exception {
		// prov-config requests: 1 status, 2 set, 3 apply, 4 the first status poll after apply
		ProvisioningTarget target = faulty(Devices.config().security(2), "prov-config", 4, fault,
				Duration.ofSeconds(20));
		try (IProtocommSession session = provisioner.open(target, new NullProgressMonitor())) {
			ProtocommOutcome outcome = session.provision(
					new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor());
			assertFalse(outcome.confirmed());
			assertTrue(outcome.result().ipAddress().isEmpty());
		}
	}

	@Test
	void droppedConnectionAfterApplyThroughTheCli() throws Exception {
		String password = "canary-pw-0d4c71";
		SimulatedProtocommDevice device = devices.start(ProtocommDeviceConfig.builder().network(Devices.HOME, password)
				.security(1).pop("pop").dropAfterApply(true));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		CommandRunner runner = new CommandRunner();
		runner.addCommand("provision", new ProvisionCommand(new ProtocommProvisioner()));
		int code = runner.run(new String[] { "--data-dir", dataDir.toString(), "--json", "provision", "pop",
				"--endpoint", device.endpoint(), "--ssid", Devices.HOME, "--password-env", "PW" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				Map.of("PW", password));
		String stdout = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, stdout + err);
		JsonObject json = JsonParser.parseString(stdout).getAsJsonObject();
		assertFalse(json.get("confirmed").getAsBoolean(), stdout);
		assertEquals("unknown", json.get("status").getAsString(), stdout);
		assertFalse((stdout + err).contains(password));

		SimulatedProtocommDevice again = devices.start(ProtocommDeviceConfig.builder().network(Devices.HOME, password)
				.security(1).pop("pop").dropAfterApply(true));
		out.reset();
		assertEquals(0, runner.run(new String[] { "--data-dir", dataDir.toString(), "provision", "pop", "--endpoint",
				again.endpoint(), "--ssid", Devices.HOME, "--password-env", "PW" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				Map.of("PW", password)));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("check the device on the network"),
				out.toString(StandardCharsets.UTF_8));
	}
}
