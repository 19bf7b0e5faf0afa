/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.improv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import dev.onramp.fuzz.ScriptedChannel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Improv serial: the frame reader and the client's handling of states, errors and RPC results. */
class ImprovFuzzTest {

	enum Operation {
		STATE, HOSTNAME, DEVICE_INFO, SCAN, SEND_WIFI
	}

	@Property(seed = Fuzz.SEED)
	void clientEndsWithAnswerOrTypedFailure(@ForAll("transcripts") byte[] transcript,
			@ForAll @IntRange(min = 1, max = 300) int chunk, @ForAll Operation operation) {
		Decoding.check("improv.client", transcript.length, () -> { //$NON-NLS-1$
			ImprovClient client = new ImprovClient(new ScriptedChannel(transcript, chunk), Duration.ofSeconds(2),
					Duration.ofSeconds(2));
			return switch (operation) {
			case STATE -> Integer.valueOf(client.requestState());
			case HOSTNAME -> client.hostname();
			case DEVICE_INFO -> client.deviceInfo();
			case SCAN -> client.scan(new NullProgressMonitor());
			case SEND_WIFI -> client.sendWifi(new WifiCredentials("fuzz-net", Secret.of("fuzz-password")), //$NON-NLS-1$ //$NON-NLS-2$
					new NullProgressMonitor());
			};
		});
	}

	@Property(seed = Fuzz.SEED)
	void resultStringsReadAnyFrameData(@ForAll("frameData") byte[] data, @ForAll @IntRange(min = 0, max = 255) int type) {
		Decoding.check("improv.result", data.length, () -> { //$NON-NLS-1$
			ImprovFrame frame = new ImprovFrame(type, data);
			frame.command();
			return frame.resultStrings();
		});
	}

	@Provide
	Arbitrary<byte[]> transcripts() {
		Arbitrary<byte[]> part = Arbitraries.oneOf(frames(), logLines(), Mutations.randomBytes(40));
		Arbitrary<byte[]> valid = part.list().ofMaxSize(8).map(ImprovFuzzTest::join);
		return Mutations.mutated(valid, "IMPROV", "IMPROV\u0001", "IMPROV\u0001\u0004\u00ff"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Provide
	Arbitrary<byte[]> frameData() {
		return Mutations.mutated(rpcResult(), List.of());
	}

	/** Frames with a correct checksum around data that may itself lie (lengths, strings). */
	private static Arbitrary<byte[]> frames() {
		Arbitrary<Integer> types = Arbitraries.oneOf(Arbitraries.integers().between(1, 4),
				Arbitraries.integers().between(0, 255));
		Arbitrary<byte[]> data = Arbitraries.oneOf(Arbitraries.integers().between(0, 255).map(b -> new byte[] { b.byteValue() }),
				Mutations.mutated(rpcResult(), List.of()).filter(d -> d.length <= 255));
		return Combinators.combine(types, data).as((type, payload) -> new ImprovFrame(type.intValue(), payload).encode());
	}

	private static Arbitrary<byte[]> rpcResult() {
		Arbitrary<Integer> command = Arbitraries.oneOf(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 255));
		Arbitrary<List<String>> strings = Arbitraries.strings().ofMaxLength(40).list().ofMaxSize(5);
		return Combinators.combine(command, strings).as((c, values) -> {
			byte[] body = ImprovFrame.strings(values.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
			byte[] data = new byte[Math.min(255, body.length + 2)];
			data[0] = c.byteValue();
			data[1] = (byte) Math.min(253, body.length);
			System.arraycopy(body, 0, data, 2, data.length - 2);
			return data;
		});
	}

	private static Arbitrary<byte[]> logLines() {
		return Arbitraries.strings().ofMaxLength(60).map(s -> ("I (1234) improv: " + s + "\r\n") //$NON-NLS-1$ //$NON-NLS-2$
				.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] join(List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		parts.forEach(out::writeBytes);
		return out.toByteArray();
	}
}
