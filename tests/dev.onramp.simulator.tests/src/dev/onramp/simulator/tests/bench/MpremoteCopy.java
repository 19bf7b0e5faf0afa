/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests.bench;

import java.util.Arrays;

import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.IReplSession;

/**
 * mpremote's way of writing a file (its {@code fs_writefile}, which {@code mpremote cp} and {@code mpremote mkdir}
 * use), re-implemented as the anchor of the upload figures: open the file in one snippet, then one snippet per
 * 256-byte chunk, {@code w(<repr of the chunk>)}, then close; every snippet in raw-paste mode as mpremote sends it
 * when the firmware has it. No verification and no rename.
 */
public final class MpremoteCopy {

	/** mpremote's chunk size. */
	public static final int CHUNK = 256;

	private MpremoteCopy() {
	}

	/** {@code mpremote mkdir :<path>} */
	public static void mkdir(IReplSession session, String path) throws OnrampException {
		session.execOrThrow("import os\nos.mkdir('" + path + "')", "mkdir"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** {@code fs_writefile}: what {@code mpremote cp <file> :<path>} sends. */
	public static void write(IReplSession session, String path, byte[] data) throws OnrampException {
		session.execOrThrow("f=open('" + path + "','wb')\nw=f.write", "open"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		for (int offset = 0; offset < data.length; offset += CHUNK) {
			byte[] chunk = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + CHUNK));
			session.execOrThrow("w(" + repr(chunk) + ")", "write"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		session.execOrThrow("f.close()", "close"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** CPython's {@code repr(bytes)}, as mpremote sends it. */
	public static String repr(byte[] data) {
		boolean single = false;
		boolean dbl = false;
		for (byte b : data) {
			single |= b == '\'';
			dbl |= b == '"';
		}
		char quote = single && !dbl ? '"' : '\'';
		StringBuilder sb = new StringBuilder("b").append(quote); //$NON-NLS-1$
		for (byte value : data) {
			int c = value & 0xff;
			if (c == quote || c == '\\') {
				sb.append('\\').append((char) c);
			} else if (c == '\t') {
				sb.append("\\t"); //$NON-NLS-1$
			} else if (c == '\n') {
				sb.append("\\n"); //$NON-NLS-1$
			} else if (c == '\r') {
				sb.append("\\r"); //$NON-NLS-1$
			} else if (c < 0x20 || c >= 0x7f) {
				sb.append(String.format("\\x%02x", Integer.valueOf(c))); //$NON-NLS-1$
			} else {
				sb.append((char) c);
			}
		}
		return sb.append(quote).toString();
	}
}
