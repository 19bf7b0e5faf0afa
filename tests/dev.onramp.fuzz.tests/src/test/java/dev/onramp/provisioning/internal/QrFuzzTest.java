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

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import dev.onramp.fuzz.ScriptedChannel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** QR payloads: the JSON itself, and the boot-log line ({@code qrcode.html?data=}) a board prints it on. */
class QrFuzzTest {

	private static final String POP = "SECRETPOP-4f1c"; //$NON-NLS-1$
	private static final String[] TOKENS = { "\"pop\":", "\"name\":", "\"transport\":", "\"ver\":", "?data=", "%7B", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"%", "%zz", "{\"ver\"", "\u001b[0m", ":null", ":1", ":[]" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$

	@Property(seed = Fuzz.SEED)
	void payloadDecodesOrFailsTyped(@ForAll("payloads") byte[] payload) {
		String json = new String(payload, StandardCharsets.UTF_8);
		Decoding.Outcome outcome = Decoding.check("qr.payload", payload.length, //$NON-NLS-1$
				() -> QrPayloadDecoder.decode(json, FailureReason.PROTOCOL_ERROR, "from the fuzzer")); //$NON-NLS-1$
		noSecretIn(outcome);
	}

	@Property(seed = Fuzz.SEED)
	void bootLogYieldsPayloadOrFailsTyped(@ForAll("bootLogs") byte[] log, @ForAll @IntRange(min = 1, max = 600) int chunk) {
		Decoding.Outcome outcome = Decoding.check("qr.boot-log", log.length, () -> QrPayloadReader //$NON-NLS-1$
				.read(new ScriptedChannel(log, chunk), "fuzz", Duration.ofSeconds(3), new NullProgressMonitor())); //$NON-NLS-1$
		noSecretIn(outcome);
	}

	/** The proof of possession is a secret: a payload that cannot be used is reported without it. */
	private static void noSecretIn(Decoding.Outcome outcome) {
		if (outcome.failure() instanceof OnrampException e) {
			String text = e.getMessage() + e.hint().orElse(""); //$NON-NLS-1$
			if (text.contains(POP) || text.contains(POP.substring(0, 10))) {
				throw new AssertionError("the proof of possession appears in: " + text); //$NON-NLS-1$
			}
		}
	}

	@Provide
	Arbitrary<byte[]> payloads() {
		return Mutations.mutated(valid().map(s -> s.getBytes(StandardCharsets.UTF_8)), TOKENS);
	}

	@Provide
	Arbitrary<byte[]> bootLogs() {
		Arbitrary<byte[]> logs = valid().map(json -> ("I (1242) app: Scan this QR code from the provisioning application for Provisioning.\r\n" //$NON-NLS-1$
				+ "\u001b[0;32mI (1242) app: If QR code is not visible, copy paste the below URL in a browser.\u001b[0m\r\n" //$NON-NLS-1$
				+ "https://espressif.github.io/esp-jumpstart/qrcode.html?data=" + json + "\r\n").getBytes(StandardCharsets.UTF_8)); //$NON-NLS-1$ //$NON-NLS-2$
		return Mutations.mutated(logs, TOKENS);
	}

	private static Arbitrary<String> valid() {
		return Arbitraries.of("{\"ver\":\"v1\",\"name\":\"PROV_D56A00\",\"pop\":\"" + POP + "\",\"transport\":\"softap\"}", //$NON-NLS-1$ //$NON-NLS-2$
				"{\"ver\":\"v1\",\"name\":\"PROV_D56A00\",\"username\":\"wifiprov\",\"pop\":\"" + POP + "\",\"transport\":\"ble\"}", //$NON-NLS-1$ //$NON-NLS-2$
				"%7B%22ver%22%3A%22v1%22%2C%22name%22%3A%22PROV_1%22%2C%22pop%22%3A%22" + POP + "%22%7D"); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
