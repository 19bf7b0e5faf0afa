/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Optional;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceErrorException;
import dev.onramp.core.repl.ExecResult;
import dev.onramp.core.repl.FileTransferProgress;
import dev.onramp.core.repl.snippets.FileSnippets;

/**
 * Raw bytes on the wire: a small receiver runs on the device, disables Ctrl-C ({@code micropython.kbd_intr(-1)}, so
 * that 0x03 in the payload is data; restored in a {@code finally}, and pyexec re-arms it for the next snippet anyway),
 * reads {@link #CHUNK}-byte pieces from {@code sys.stdin.buffer}, appends each to the temporary file, hashes it and
 * answers one {@link #ACK} byte; the host sends the next piece only after that byte, so the device's small UART
 * buffer never overflows while it writes flash. A first ACK says the receiver is ready (before it, Ctrl-C would still
 * interrupt). At the end the device prints the SHA-256 of what it wrote. Every wait for an ACK has its own deadline.
 * <p>
 * One wire byte per payload byte plus one ACK per KB, against 4/3 for base64. The receiver needs
 * {@code sys.stdin.buffer} and {@code micropython.kbd_intr} (every ESP32 build has both; see
 * {@link FileSnippets#BINARY_PROBE}).
 */
final class BinaryUpload {

	/** Payload bytes per acknowledged piece: small against RAM, large against the round trip per piece. */
	static final int CHUNK = 1024;
	static final int ACK = 6;
	private static final int EOT = 4;
	private static final int SHOWN = 32;

	private BinaryUpload() {
	}

	/**
	 * Writes {@code content} to {@code tmp} on the device.
	 *
	 * @param sent receives the number of bytes the device acknowledged, for the message of a cut-off upload
	 * @return the SHA-256 (hex) the device computed over what it wrote
	 */
	static String send(ReplSession session, String tmp, byte[] content, FileTransferProgress progress, long[] sent)
			throws OnrampException {
		Duration timeout = session.options().execTimeout();
		String port = session.portName();
		ExecResult result = session.converse(FileSnippets.receiver(tmp, content.length, CHUNK), timeout, reader -> {
			if (!acknowledged(reader, timeout, port, 0, content.length)) {
				return Optional.of(""); //$NON-NLS-1$
			}
			progress.transferred(0, content.length);
			for (int offset = 0; offset < content.length; offset += CHUNK) {
				int n = Math.min(CHUNK, content.length - offset);
				reader.write(content, offset, n);
				if (!acknowledged(reader, timeout, port, offset, content.length)) {
					return Optional.of(""); //$NON-NLS-1$
				}
				sent[0] = offset + n;
				progress.transferred(sent[0], content.length);
			}
			return Optional.empty();
		});
		if (!result.ok()) {
			throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Writing " + tmp, result.error().get()); //$NON-NLS-1$
		}
		String hex = result.stdout().strip();
		if (sent[0] != content.length || !hex.matches("[0-9a-f]{64}")) { //$NON-NLS-1$
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, "The device on " + port //$NON-NLS-1$
					+ " ended the upload of " + tmp + " after " + sent[0] + " of " + content.length //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ " bytes and printed \"" + hex + "\".", "Retry; press the board's reset button if it fails again."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return hex;
	}

	/** @return true on an ACK, false when the program's output ended (it failed or stopped early) */
	static boolean acknowledged(ReplReader reader, Duration timeout, String port, long at, int total)
			throws OnrampException {
		int b = reader.readByte(ReplReader.deadline(timeout));
		if (b == ACK) {
			return true;
		}
		if (b == EOT) {
			return false;
		}
		if (b < 0) {
			throw new OnrampException(FailureReason.TIMEOUT, "The device on " + port //$NON-NLS-1$
					+ " stopped acknowledging the upload after " + at + " of " + total + " bytes (no answer within " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					+ timeout.toMillis() / 1000.0 + " s).", //$NON-NLS-1$
					"Press the board's reset button (it may still be waiting for data) and upload again."); //$NON-NLS-1$
		}
		ByteArrayOutputStream seen = new ByteArrayOutputStream();
		seen.write(b);
		for (int next; seen.size() < SHOWN && (next = reader.poll()) >= 0;) {
			seen.write(next);
		}
		throw new OnrampException(FailureReason.PROTOCOL_ERROR, "The device on " + port //$NON-NLS-1$
				+ " answered the upload with \"" + ReplReader.show(seen.toByteArray()) + "\" after " + at + " of " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				+ total + " bytes.", //$NON-NLS-1$
				"Is another program using the port, or is the baud rate wrong? Press reset and retry."); //$NON-NLS-1$
	}
}
