/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structure-aware mutations of valid messages: a byte flipped or replaced, the message cut short, bytes inserted,
 * deleted or repeated, tokens that make length fields and numbers lie, and nested garbage; plus plain random bytes.
 */
public final class Mutations {

	/** One edit of a message. */
	public enum Kind {
		NONE, FLIP, SET, TRUNCATE, INSERT, DELETE, DUPLICATE, TOKEN, OVERWRITE, REPEAT_TOKEN, APPEND, RANDOM
	}

	/** One edit with its parameters; {@code random} supplies inserted bytes and offsets. */
	public record Edit(Kind kind, int at, int span, byte[] random, int token) {

		public byte[] apply(byte[] message, List<byte[]> tokens) {
			int length = message.length;
			int position = length == 0 ? 0 : Math.floorMod(at, length);
			int cut = Math.floorMod(at, length + 1);
			return switch (kind) {
			case NONE -> message;
			case FLIP -> {
				if (length == 0) {
					yield message;
				}
				byte[] copy = message.clone();
				copy[position] ^= (byte) (1 << Math.floorMod(span, 8));
				yield copy;
			}
			case SET -> {
				if (length == 0) {
					yield message;
				}
				byte[] copy = message.clone();
				byte[] extremes = { 0, (byte) 0xff, 0x7f, (byte) 0x80, random.length > 0 ? random[0] : 1 };
				copy[position] = extremes[Math.floorMod(span, extremes.length)];
				yield copy;
			}
			case TRUNCATE -> Arrays.copyOf(message, cut);
			case INSERT -> splice(message, cut, 0, random);
			case DELETE -> splice(message, cut, Math.min(length - cut, Math.floorMod(span, 64) + 1), new byte[0]);
			case DUPLICATE -> {
				int end = Math.min(length, cut + Math.floorMod(span, 128) + 1);
				yield splice(message, end, 0, Arrays.copyOfRange(message, cut, end));
			}
			case TOKEN -> splice(message, cut, 0, tokens.get(Math.floorMod(token, tokens.size())));
			case OVERWRITE -> {
				byte[] one = tokens.get(Math.floorMod(token, tokens.size()));
				int n = Math.min(one.length, length - cut);
				yield splice(message, cut, n, one);
			}
			case REPEAT_TOKEN -> {
				byte[] one = tokens.get(Math.floorMod(token, tokens.size()));
				int times = 1 << Math.floorMod(span, 15); // up to 16384 copies: nesting and lengths past any buffer
				ByteArrayOutputStream repeated = new ByteArrayOutputStream();
				for (int i = 0; i < times && repeated.size() < 96 * 1024; i++) {
					repeated.writeBytes(one);
				}
				yield splice(message, cut, 0, repeated.toByteArray());
			}
			case APPEND -> splice(message, length, 0, random);
			case RANDOM -> random;
			};
		}

		private static byte[] splice(byte[] message, int at, int remove, byte[] insert) {
			byte[] result = new byte[message.length - remove + insert.length];
			System.arraycopy(message, 0, result, 0, at);
			System.arraycopy(insert, 0, result, at, insert.length);
			System.arraycopy(message, at + remove, result, at + insert.length, message.length - at - remove);
			return result;
		}
	}

	/** Tokens that make numbers, lengths and nesting lie, for every kind of message. */
	public static final List<byte[]> COMMON_TOKENS = List.of(bytes(0xff, 0xff, 0xff, 0xff, 0x0f),
			bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), bytes(0x7f), bytes(0x80), bytes(0),
			ascii("99999999999999999999"), ascii("-1"), ascii("1e999999999"), ascii("\u0000"), ascii("\r\n"),
			ascii("\n"), ascii("\r"), ascii("["), ascii("{"), ascii("{\"a\":"), ascii("\""), ascii("\\"), ascii("%"),
			ascii("\u001b["), bytes(0xc3), bytes(0xf0, 0x9f), bytes(0xed, 0xa0, 0x80), new byte[32], ones(32),
			withFirst(new byte[32], 1));

	private Mutations() {
	}

	private static byte[] ones(int length) {
		byte[] result = new byte[length];
		Arrays.fill(result, (byte) 0xff);
		return result;
	}

	private static byte[] withFirst(byte[] bytes, int first) {
		bytes[0] = (byte) first;
		return bytes;
	}

	public static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	public static byte[] bytes(int... values) {
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) values[i];
		}
		return result;
	}

	/** @return random bytes, short ones more often */
	public static Arbitrary<byte[]> randomBytes(int maxSize) {
		return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
	}

	public static Arbitrary<Edit> edits() {
		return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers(), Arbitraries.integers(),
				randomBytes(48), Arbitraries.integers().between(0, 1 << 16)).as(Edit::new);
	}

	/**
	 * @param tokens decoder-specific tokens (markers, field names), used besides {@link #COMMON_TOKENS}
	 * @return valid messages with zero to three edits each, and now and then random bytes
	 */
	public static Arbitrary<byte[]> mutated(Arbitrary<byte[]> valid, List<byte[]> tokens) {
		List<byte[]> all = new ArrayList<>(COMMON_TOKENS);
		all.addAll(tokens);
		Arbitrary<byte[]> edited = Combinators.combine(valid, edits().list().ofMaxSize(3)).as((message, list) -> {
			byte[] result = message;
			for (Edit edit : list) {
				result = edit.apply(result, all);
			}
			return result;
		});
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, edited), net.jqwik.api.Tuple.of(1, randomBytes(600)));
	}

	/** @return the message with one edit, drawing tokens from {@link #COMMON_TOKENS} */
	public static byte[] apply(Edit edit, byte[] message) {
		return edit.apply(message, COMMON_TOKENS);
	}

	public static Arbitrary<byte[]> mutated(Arbitrary<byte[]> valid, String... tokens) {
		return mutated(valid, Arrays.stream(tokens).map(Mutations::ascii).toList());
	}
}
