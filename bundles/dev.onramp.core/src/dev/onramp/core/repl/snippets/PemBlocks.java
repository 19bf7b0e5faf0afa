/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM file in the one layout a board can rebuild byte for byte from its DER content with MicroPython's
 * {@code binascii.b2a_base64}: blocks of {@code -----BEGIN <label>-----}, base64 lines of 64 characters (48 bytes; the
 * last one shorter, padded with {@code =}), {@code -----END <label>-----}, every line ended by a line feed, nothing
 * before, between or after the blocks. That is what Onramp's certificate service and OpenSSL write (RFC 7468's
 * strict form). Sending the DER instead of the text saves a quarter of the bytes on a 115200-baud line.
 *
 * @param blocks the file's blocks, in order
 */
public record PemBlocks(List<Block> blocks) {

	/** The base64 bytes per line of the strict form: 48 bytes of DER, 64 characters. */
	public static final int LINE_BYTES = 48;

	private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,40})-----\n"); //$NON-NLS-1$

	/**
	 * One block: a label of capitals, digits and spaces, and its decoded content.
	 *
	 * @param label what the BEGIN and END lines name, such as {@code CERTIFICATE}
	 * @param der the content
	 */
	public record Block(String label, byte[] der) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Block block && label.equals(block.label) && Arrays.equals(der, block.der);
		}

		@Override
		public int hashCode() {
			return label.hashCode() * 31 + Arrays.hashCode(der);
		}

		@Override
		public String toString() {
			return "Block[" + label + ", " + der.length + " bytes]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	public PemBlocks {
		blocks = List.copyOf(blocks);
	}

	/**
	 * @return the blocks of {@code content} when it is strict PEM that {@link #encode()} gives back byte for byte, else
	 *         empty (any other text or binary content travels as it is)
	 */
	public static Optional<PemBlocks> parse(byte[] content) {
		if (content.length == 0 || content[content.length - 1] != '\n') {
			return Optional.empty();
		}
		String text = new String(content, StandardCharsets.US_ASCII);
		List<Block> blocks = new ArrayList<>();
		int at = 0;
		Matcher begin = BEGIN.matcher(text);
		while (at < text.length()) {
			if (!begin.find(at) || begin.start() != at) {
				return Optional.empty();
			}
			String label = begin.group(1);
			String end = "-----END " + label + "-----\n"; //$NON-NLS-1$ //$NON-NLS-2$
			int endAt = text.indexOf(end, begin.end());
			if (endAt < 0) {
				return Optional.empty();
			}
			byte[] der;
			try {
				der = Base64.getDecoder().decode(text.substring(begin.end(), endAt).replace("\n", "")); //$NON-NLS-1$ //$NON-NLS-2$
			} catch (IllegalArgumentException notBase64) {
				return Optional.empty();
			}
			blocks.add(new Block(label, der));
			at = endAt + end.length();
		}
		PemBlocks parsed = new PemBlocks(blocks);
		// only the strict layout rebuilds to the same bytes: line lengths, padding, no stray characters
		return Arrays.equals(parsed.encode(), content) ? Optional.of(parsed) : Optional.empty();
	}

	/** @return the file in the strict layout, as the board rebuilds it */
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Base64.Encoder encoder = Base64.getEncoder();
		for (Block block : blocks) {
			out.writeBytes(("-----BEGIN " + block.label() + "-----\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$ //$NON-NLS-2$
			byte[] der = block.der();
			for (int i = 0; i < der.length; i += LINE_BYTES) {
				out.writeBytes(encoder.encode(Arrays.copyOfRange(der, i, Math.min(der.length, i + LINE_BYTES))));
				out.write('\n');
			}
			out.writeBytes(("-----END " + block.label() + "-----\n").getBytes(StandardCharsets.US_ASCII)); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return out.toByteArray();
	}

	/** @return the blocks' content one after the other, as it goes on the wire */
	public byte[] der() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Block block : blocks) {
			out.writeBytes(block.der());
		}
		return out.toByteArray();
	}
}
