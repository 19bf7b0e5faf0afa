/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.DeviceProtocolInfo;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import dev.onramp.fuzz.Mutations.Edit;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.ProtocommFirmware;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The security 0/1/2 handshakes and the first scan after them, each reply of a real exchange with the simulated
 * firmware faulted in turn. Key agreement makes each try cost milliseconds (security 2: two SRP-3072 computations), so
 * CI gives these fewer tries than the parsers (the pom's heavy execution).
 */
class ProtocommHandshakeFuzzTest {

	private static final String POP = "abcd1234"; //$NON-NLS-1$

	/** Security 0 and 1: every step of a real session, one reply faulted. */
	@Property(seed = Fuzz.SEED)
	void handshakeAndScanSurviveAFaultedReply(@ForAll @IntRange(min = 0, max = 1) int security,
			@ForAll @IntRange(min = 0, max = 7) int faultAt, @ForAll("edits") List<Edit> edits) {
		handshakeAndScan("protocomm.sec" + security, security, faultAt, edits); //$NON-NLS-1$
	}

	/** Security 2 costs two SRP-3072 computations per try: fewer tries, the same faults. */
	@Property(seed = Fuzz.SEED, tries = 10)
	void security2HandshakeSurvivesAFaultedReply(@ForAll @IntRange(min = 0, max = 4) int faultAt,
			@ForAll("edits") List<Edit> edits) {
		handshakeAndScan("protocomm.sec2", 2, faultAt, edits); //$NON-NLS-1$
	}

	private static void handshakeAndScan(String decoder, int security, int faultAt, List<Edit> edits) {
		ProtocommFirmware device = new ProtocommFirmware(ProtocommDeviceConfig.builder().security(security).pop(POP)
				.network("fuzz-net", "fuzz-password").build()); //$NON-NLS-1$ //$NON-NLS-2$
		Deadline deadline = Deadline.in(Duration.ofSeconds(4));
		MitmTransport transport = new MitmTransport(device, faultAt, reply -> {
			byte[] result = reply;
			for (Edit edit : edits) {
				result = Mutations.apply(edit, result);
			}
			return result;
		}, deadline);
		// the nominal size covers key agreement's own allocation: security 2's SRP-3072 makes some 20 MB of BigIntegers
		Decoding.check(decoder, 32 * 1024, () -> {
			ProvisioningTarget target = new ProvisioningTarget("fuzz", "auto", null, Optional.of(Secret.of(POP)), //$NON-NLS-1$ //$NON-NLS-2$
					Duration.ofSeconds(4));
			DeviceProtocolInfo info = ProtoVersionParser
					.parse(transport.exchange("proto-ver", "---".getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$ //$NON-NLS-2$
			ISecurityScheme scheme = ProtocommProvisioner.choose(target, info, transport.where());
			scheme.establish(request -> transport.exchange("prov-session", request)); //$NON-NLS-1$
			return new ProtocommClientSession(transport, scheme, info, deadline).scan(new NullProgressMonitor());
		}, DeviceClosedException.class);
	}

	@Provide
	Arbitrary<List<Edit>> edits() {
		return Mutations.edits().list().ofMinSize(1).ofMaxSize(3);
	}

}
