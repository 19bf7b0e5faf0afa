/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the bytes of a serial log into lines: UTF-8 decoded across reads (a character split between two reads is
 * kept whole), line ends {@code \n} or {@code \r\n}, and a partial line (a prompt such as {@code >>> }) given out
 * when the board falls quiet, so it shows without waiting for its end.
 */
final class SerialLines {

	/** A line that never ends is given out in pieces of this length. */
	static final int MAX_LINE = 4096;

	private final Consumer<String> sink;
	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
	private final ByteBuffer pending = ByteBuffer.allocate(8192 + 8);
	private final StringBuilder line = new StringBuilder();

	SerialLines(Consumer<String> sink) {
		this.sink = sink;
	}

	void accept(byte[] bytes, int length) {
		int offset = 0;
		while (offset < length) {
			int chunk = Math.min(length - offset, pending.remaining());
			pending.put(bytes, offset, chunk);
			offset += chunk;
			pending.flip();
			CharBuffer chars = CharBuffer.allocate(pending.remaining() + 1);
			decoder.decode(pending, chars, false);
			pending.compact();
			chars.flip();
			while (chars.hasRemaining()) {
				char c = chars.get();
				if (c == '\n') {
					emit();
				} else if (c != '\r') {
					line.append(c);
					if (line.length() >= MAX_LINE) {
						emit();
					}
				}
			}
		}
	}

	/** Gives out what came since the last line end, if anything did. */
	void flushPartial() {
		if (!line.isEmpty()) {
			emit();
		}
	}

	private void emit() {
		String text = line.toString();
		line.setLength(0);
		sink.accept(text);
	}
}
