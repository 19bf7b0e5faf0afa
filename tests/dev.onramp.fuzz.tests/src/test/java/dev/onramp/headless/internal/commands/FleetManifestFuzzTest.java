/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.nio.charset.StandardCharsets;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fleet CSV manifest: parsed, or refused as a usage error naming the line. */
class FleetManifestFuzzTest {

	@Property(seed = Fuzz.SEED)
	void manifestParsesOrIsAUsageError(@ForAll("manifests") byte[] manifest) {
		String text = new String(manifest, StandardCharsets.UTF_8);
		Decoding.Outcome outcome = Decoding.check("fleet.manifest", manifest.length, () -> FleetManifest.parse(text)); //$NON-NLS-1$
		if (outcome.failure() instanceof OnrampException e && e.reason() != FailureReason.USAGE) {
			throw new AssertionError("a manifest problem is a usage error, not " + e.reason(), e); //$NON-NLS-1$
		}
	}

	@Provide
	Arbitrary<byte[]> manifests() {
		return Mutations.mutated(Arbitraries.of(
				"# fleet\nname,protocol,target,pop,username,ssid,password_env,transport\nd1,provision,192.168.4.1:80,abcd1234,wifiprov,home,WIFI_PASSWORD,softap\nd2,improv,/dev/ttyUSB0,,,home,WIFI_PASSWORD,\n", //$NON-NLS-1$
				"name,protocol,target,hostname,trust,https_port\r\n\"board, one\",reprovision,/dev/ttyACM0,board-1,ca,443\r\nboard2,repl,socket://127.0.0.1:4000,,self-signed,\r\n") //$NON-NLS-1$
				.map(Mutations::ascii), ",", "\"", "\"\"", "\n", "\r\n", "#", "provision", "name,", "65536", "99999999999"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$
	}
}
