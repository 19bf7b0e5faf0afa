/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.fuzz;

import java.time.Duration;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * A line whose device says exactly the given bytes, in reads of varying size, and then vanishes (as an unplugged
 * cable does): decoders see every byte at once instead of waiting out their deadlines, so a fuzz run takes
 * microseconds per input. Writes are accepted and counted.
 */
public final class ScriptedChannel implements IByteChannel {

	private byte[] script;
	private final int chunk;
	private int at;
	private java.util.List<Integer> pauses = java.util.List.of();
	private int pause;
	private long written;
	private boolean open = true;

	/** @param chunk the most bytes one read returns (at least 1), so markers straddle reads */
	public ScriptedChannel(byte[] script, int chunk) {
		this.script = script;
		this.chunk = Math.max(1, chunk);
	}

	/** For decoders whose expected input depends on what they chose (a session id): the script, given later. */
	public ScriptedChannel(int chunk) {
		this(new byte[0], chunk);
	}

	/** The device says each segment, then falls silent for one read, then says the next. */
	public static ScriptedChannel segments(java.util.List<byte[]> segments, int chunk) {
		java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
		java.util.List<Integer> silences = new java.util.ArrayList<>();
		for (byte[] segment : segments) {
			all.writeBytes(segment);
			silences.add(Integer.valueOf(all.size()));
		}
		ScriptedChannel channel = new ScriptedChannel(all.toByteArray(), chunk);
		channel.pauses = silences;
		return channel;
	}

	public void script(byte[] value) {
		script = value;
		at = 0;
	}

	@Override
	public String name() {
		return "fuzz"; //$NON-NLS-1$
	}

	@Override
	public int read(byte[] buffer, int offset, int length, Duration timeout) throws OnrampException {
		if (length == 0) {
			return 0;
		}
		if (pause < pauses.size() && at == pauses.get(pause).intValue()) {
			// the device falls silent here for a while: one read times out (without really waiting)
			pause++;
			return 0;
		}
		if (at >= script.length) {
			throw new OnrampException(FailureReason.DEVICE_VANISHED, "The scripted device has said everything."); //$NON-NLS-1$
		}
		int until = pause < pauses.size() ? Math.min(script.length, pauses.get(pause).intValue()) : script.length;
		int n = Math.min(Math.min(length, chunk), until - at);
		System.arraycopy(script, at, buffer, offset, n);
		at += n;
		return n;
	}

	@Override
	public void write(byte[] data, int offset, int length) throws OnrampException {
		if (!open) {
			throw new OnrampException(FailureReason.DEVICE_VANISHED, "The scripted line is closed."); //$NON-NLS-1$
		}
		written += length;
	}

	/** @return how many bytes the decoder wrote */
	public long written() {
		return written;
	}

	@Override
	public boolean isOpen() {
		return open;
	}

	@Override
	public void close() {
		open = false;
	}
}
