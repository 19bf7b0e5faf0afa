/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.FileTransferProgress;
import dev.onramp.core.repl.IChannelOpener;
import dev.onramp.core.repl.MicroPythonError;
import dev.onramp.core.repl.ReplOptions;
import dev.onramp.core.serial.IByteChannel;
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
 * The MicroPython raw REPL: entering it among program output, the {@code OK<stdout>\x04<traceback>\x04>} framing (plain
 * and raw-paste), tracebacks, and what the session and its file system read from the output (identity, listings,
 * os.stat, base64 file contents, hashes).
 */
class ReplFuzzTest {

	private static final List<byte[]> TOKENS = List.of(Mutations.ascii("\u0004"), Mutations.ascii("\u0004>"), //$NON-NLS-1$ //$NON-NLS-2$
			Mutations.ascii("OK"), Mutations.ascii("R\u0001"), Mutations.ascii("\u0001"), RawRepl.RAW_BANNER, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Mutations.ascii("Traceback (most recent call last):\r\nOSError: [Errno 2] ENOENT\r\n"), //$NON-NLS-1$
			Mutations.ascii("('x', 16384, 0, 9999999999999999999999)"), Mutations.ascii("(-1,"), Mutations.ascii("b'"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			Mutations.ascii("[("), Mutations.ascii("\\x"), Mutations.ascii("9223372036854775807")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	enum Operation {
		IDENTIFY, LIST, STAT, GET, SHA256
	}

	@Property(seed = Fuzz.SEED)
	void sessionReadsAnyReplOutput(@ForAll Operation operation, @ForAll boolean rawPaste,
			@ForAll("edits") List<List<Edit>> edits, @ForAll @IntRange(min = 1, max = 300) int chunk) {
		List<byte[]> segments = new ArrayList<>();
		List<String> stdouts = stdouts(operation);
		for (int i = 0; i < stdouts.size(); i++) {
			byte[] exec = execAnswer(rawPaste, stdouts.get(i), i == stdouts.size() - 1 && operation == Operation.GET ? "" : ""); //$NON-NLS-1$ //$NON-NLS-2$
			for (Edit edit : edits.get(i % edits.size())) {
				exec = edit.apply(exec, tokens());
			}
			segments.add(exec);
		}
		int size = segments.stream().mapToInt(s -> s.length).sum();
		Decoding.check("repl.session", size, () -> { //$NON-NLS-1$
			ReplSession session = inRawRepl(ScriptedChannel.segments(segments, chunk), rawPaste);
			return switch (operation) {
			case IDENTIFY -> session.identify();
			case LIST -> session.files().list("/"); //$NON-NLS-1$
			case STAT -> session.files().stat("/cert.pem"); //$NON-NLS-1$
			case GET -> session.files().get("/cert.pem", FileTransferProgress.NONE); //$NON-NLS-1$
			case SHA256 -> session.files().sha256("/cert.pem"); //$NON-NLS-1$
			};
		});
	}

	/**
	 * A session already in the raw REPL. Entering it waits for the line to fall quiet in real time (150 ms), which
	 * would make each try that slow; the framing after it is what carries the device's answers.
	 */
	static ReplSession inRawRepl(IByteChannel channel, boolean rawPaste) throws ReflectiveOperationException {
		ReplOptions options = ReplOptions.defaults().withRawPaste(rawPaste).withExecTimeout(Duration.ofSeconds(2))
				.withResetButtonWait(Duration.ZERO);
		Constructor<ReplSession> constructor = ReplSession.class.getDeclaredConstructor(IChannelOpener.class,
				ReplOptions.class);
		constructor.setAccessible(true);
		ReplSession session = constructor.newInstance((IChannelOpener) () -> {
			throw new OnrampException(FailureReason.DEVICE_VANISHED, "The scripted line cannot reopen."); //$NON-NLS-1$
		}, options);
		ReplReader reader = new ReplReader(channel);
		set(session, "channel", channel); //$NON-NLS-1$
		set(session, "reader", reader); //$NON-NLS-1$
		set(session, "repl", new RawRepl(reader, rawPaste)); //$NON-NLS-1$
		return session;
	}

	private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
		Field field = target.getClass().getDeclaredField(name);
		field.setAccessible(true);
		field.set(target, value);
	}

	@Property(seed = Fuzz.SEED)
	void tracebacksParse(@ForAll("tracebacks") byte[] traceback) {
		String text = new String(traceback, StandardCharsets.UTF_8);
		Decoding.check("repl.traceback", traceback.length, () -> MicroPythonError.parse(text)); //$NON-NLS-1$
	}

	@Provide
	Arbitrary<byte[]> tracebacks() {
		return Mutations.mutated(Arbitraries.of("Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nOSError: [Errno 2] ENOENT\r\n", //$NON-NLS-1$
				"ImportError: no module named 'hashlib'", "OSError: 17", "KeyboardInterrupt: ").map(Mutations::ascii), TOKENS); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Provide
	Arbitrary<List<List<Edit>>> edits() {
		Arbitrary<List<Edit>> one = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just(List.of())),
				net.jqwik.api.Tuple.of(3, Mutations.edits().list().ofMinSize(1).ofMaxSize(2)));
		return one.list().ofMinSize(1).ofMaxSize(6);
	}

	private static List<byte[]> tokens() {
		List<byte[]> all = new ArrayList<>(Mutations.COMMON_TOKENS);
		all.addAll(TOKENS);
		return all;
	}

	/** What a real board answers to one exec. */
	private static byte[] execAnswer(boolean rawPaste, String stdout, String traceback) {
		String framing = stdout + "\u0004" + traceback + "\u0004>"; //$NON-NLS-1$ //$NON-NLS-2$
		// raw paste: R, 1 (supported), the window (128 bytes, little-endian), flow-control credit, the end of the paste
		String start = rawPaste ? "R\u0001\u0080\u0000\u0001\u0001\u0001\u0001\u0004" : "OK"; //$NON-NLS-1$ //$NON-NLS-2$
		return (start + framing).getBytes(StandardCharsets.ISO_8859_1);
	}

	private static List<String> stdouts(Operation operation) {
		String stat = "(32768, 0, 0, 0, 0, 0, 12, 0, 0, 0)\r\n"; //$NON-NLS-1$
		return switch (operation) {
		case IDENTIFY -> List.of("micropython\r\n1.27.0\r\nESP32 module with ESP32\r\n", "240ac4001122\r\n", //$NON-NLS-1$ //$NON-NLS-2$
				"None\r\npydirect\r\n"); //$NON-NLS-1$
		case LIST -> List.of("", "[('cert.pem', 32768, 0, 1200), ('lib', 16384, 0, 0), ('key.pem', 32768, 0)]\r\n", stat); //$NON-NLS-1$ //$NON-NLS-2$
		case STAT -> List.of("", stat); //$NON-NLS-1$
		case GET -> List.of("", stat, "", "aGVsbG8gd29ybGQh\r\n", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		case SHA256 -> List.of("", stat, "7509e5bda0c762d2bac7f90d758b5b2263fa01ccbc542ab5e3df163be08e6ca9\r\n"); //$NON-NLS-1$ //$NON-NLS-2$
		};
	}
}
