/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import dev.onramp.fuzz.Mutations.Edit;
import dev.onramp.fuzz.ScriptedChannel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * protocomm over the UART console: finding the prompt among boot noise, the echo, and the hex reply between echo and
 * the next prompt.
 */
class ConsoleTransportFuzzTest {

	private static final List<byte[]> TOKENS = List.of(Mutations.ascii("00"), Mutations.ascii("0a"), //$NON-NLS-1$ //$NON-NLS-2$
			Mutations.ascii(">> "), Mutations.ascii("\n>> "), Mutations.ascii("E (10) security1: Key mismatch\r\n"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Mutations.ascii("\u001b[0;31m"), Mutations.ascii("\r\r\n"), Mutations.ascii("I (312) boot: x\r\n")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	@Property(seed = Fuzz.SEED)
	void exchangeEndsWithReplyOrTypedFailure(@ForAll("endpoints") String endpoint, @ForAll("replies") byte[] reply,
			@ForAll("noise") String noise, @ForAll("edits") List<Edit> edits,
			@ForAll @IntRange(min = 1, max = 600) int chunk) {
		ScriptedChannel channel = new ScriptedChannel(chunk);
		ConsoleTransport transport = new ConsoleTransport(channel, "fuzz", Deadline.in(Duration.ofSeconds(3))); //$NON-NLS-1$
		byte[] request = "---".getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
		String line = endpoint + " " + transport.sessionId() + " " + HexFormat.of().formatHex(request); //$NON-NLS-1$ //$NON-NLS-2$
		ByteArrayOutputStream valid = new ByteArrayOutputStream();
		valid.writeBytes((noise + "\n>> ").getBytes(StandardCharsets.ISO_8859_1)); //$NON-NLS-1$
		valid.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1)); //$NON-NLS-1$
		valid.writeBytes(("\r\r\n" + HexFormat.of().formatHex(reply) + "\r\r\n\n>> ").getBytes(StandardCharsets.ISO_8859_1)); //$NON-NLS-1$ //$NON-NLS-2$
		byte[] script = valid.toByteArray();
		List<byte[]> tokens = new java.util.ArrayList<>(Mutations.COMMON_TOKENS);
		tokens.addAll(TOKENS);
		for (Edit edit : edits) {
			script = edit.apply(script, tokens);
		}
		channel.script(script);
		Decoding.check("console.transport", script.length, () -> transport.exchange(endpoint, request), //$NON-NLS-1$
				DeviceClosedException.class);
	}

	@Provide
	Arbitrary<String> endpoints() {
		return Arbitraries.of("proto-ver", "prov-session", "prov-config", "custom-data"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	@Provide
	Arbitrary<byte[]> replies() {
		// a console line is short, but a device (or line noise) can print a hex run of any length
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Mutations.randomBytes(100)),
				net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1000).ofMaxSize(31_000)));
	}

	@Provide
	Arbitrary<String> noise() {
		return Arbitraries.of("", "I (312) app: Starting\r\n", "\u001b[0;32mI (400) wifi:mode : softAP\u001b[0m\r\n", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				"ets Jun  8 2016 00:22:57\r\nrst:0x1 (POWERON_RESET)\r\n\u0000\u00ff"); //$NON-NLS-1$
	}

	@Provide
	Arbitrary<List<Edit>> edits() {
		return Mutations.edits().list().ofMaxSize(3);
	}
}
