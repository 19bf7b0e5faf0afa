/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A proof of possession, Wi-Fi password or key-store password. It never prints itself: {@link #toString()} is a
 * mask, so a secret that slips into a log line, an exception or a report shows as {@code ******}. Call
 * {@link #destroy()} when done with it.
 */
public final class Secret implements AutoCloseable {

	private static final String MASK = "******"; //$NON-NLS-1$

	private final char[] value;
	private boolean destroyed;

	private Secret(char[] value) {
		this.value = value;
	}

	/** @param value copied; the caller may clear its array afterwards */
	public static Secret of(char[] value) {
		return new Secret(value.clone());
	}

	public static Secret of(String value) {
		return new Secret(value.toCharArray());
	}

	/** @return a copy of the characters; clear it after use */
	public synchronized char[] chars() {
		checkAlive();
		return value.clone();
	}

	/** @return the UTF-8 bytes, as protocols transmit them; clear the array after use */
	public synchronized byte[] utf8() {
		checkAlive();
		ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		Arrays.fill(buffer.array(), (byte) 0);
		return bytes;
	}

	public synchronized boolean isEmpty() {
		checkAlive();
		return value.length == 0;
	}

	/** @return the text itself; only for the final hand-over to a protocol or API that takes strings */
	public synchronized String reveal() {
		checkAlive();
		return new String(value);
	}

	/** Overwrites the characters; the secret cannot be used afterwards. */
	public synchronized void destroy() {
		Arrays.fill(value, '\0');
		destroyed = true;
	}

	@Override
	public void close() {
		destroy();
	}

	private void checkAlive() {
		if (destroyed) {
			throw new IllegalStateException("The secret was destroyed"); //$NON-NLS-1$
		}
	}

	@Override
	public String toString() {
		return MASK;
	}
}
