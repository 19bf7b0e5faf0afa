/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import static dev.onramp.core.repl.PythonSource.quote;

import java.util.List;

import dev.onramp.core.repl.ReplacedFile;

/**
 * The snippets of {@link dev.onramp.core.repl.IDeviceFileSystem#replaceTogether}: look at the target folders, stage
 * and check the new files beside the old ones, swap them in. They are short because their bytes count against the
 * payload on a 115200-baud line, so their global names are one letter ({@code os}, {@code h}, {@code r}, the targets
 * {@code A, B, ...}, the loops' {@code p, d, f, s, l, n, c, i, q}, and {@code b, m, k} for {@code binascii},
 * {@code micropython} and its {@code kbd_intr}): they may replace a user's globals of those names in the raw REPL,
 * which the provisioning resets afterwards anyway. The stage snippet carries the files' content (a private key), in
 * its text or after it on the line: neither is ever logged.
 */
public final class ReplaceSnippets {

	/** Suffix of a new file written and checked beside its target. */
	public static final String STAGED = ".n"; //$NON-NLS-1$
	/** Suffix of an old file moved aside while a swap runs. */
	public static final String BACKUP = ".o"; //$NON-NLS-1$

	private ReplaceSnippets() {
	}

	/** Prints {@code os.listdir} of each folder, one list per line; raises {@code OSError} at a missing one. */
	public static String look(List<String> directories) {
		StringBuilder code = new StringBuilder("import os\n"); //$NON-NLS-1$
		for (String directory : directories) {
			code.append("print(os.listdir(").append(quote(directory)).append("))\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return code.toString();
	}

	/** A statement for the stage snippet's prelude (after {@link #look}, {@code os} is imported). */
	public static String mkdir(String directory) {
		return "os.mkdir(" + quote(directory) + ")\n"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A statement for the stage snippet's prelude. */
	public static String remove(String path) {
		return "os.remove(" + quote(path) + ")\n"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A statement for the stage snippet's prelude: the backup of {@code target} back in its place. */
	public static String restore(String target) {
		return "os.rename(" + quote(target + BACKUP) + "," + quote(target) + ")\n"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/**
	 * The global name of the {@code index}-th target in the stage and swap snippets: {@code A}, {@code B}, ... (upper
	 * case, so that they never meet the snippets' lower-case loop names).
	 */
	static String target(int index) {
		return index < 26 ? String.valueOf((char) ('A' + index)) : "P" + index; //$NON-NLS-1$
	}

	/**
	 * Runs the prelude, names the targets {@code A, B, ...} ({@link #target}), writes each file to
	 * {@code <target>.n}, reads it back and prints its SHA-256 digest ({@code bytes}; it covers the size too), or
	 * without {@code hashlib} the {@code repr} of what it read, one line per file. Plain text (PEM) travels as a
	 * {@code str} literal needing no escapes, written in text mode; anything else as an escaped {@code bytes} literal,
	 * written in binary mode.
	 */
	public static String stage(String prelude, List<ReplacedFile> files, boolean hashlib) {
		boolean text = files.stream().allMatch(file -> isPlainText(file.content()));
		StringBuilder code = new StringBuilder(hashlib ? "import hashlib as h\n" : ""); //$NON-NLS-1$ //$NON-NLS-2$
		code.append(prelude);
		StringBuilder names = new StringBuilder();
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < files.size(); i++) {
			names.append(i == 0 ? "" : ";").append(target(i)).append('=').append(quote(files.get(i).path())); //$NON-NLS-1$ //$NON-NLS-2$
			items.append(i == 0 ? "(" : ",(").append(target(i)).append(','); //$NON-NLS-1$ //$NON-NLS-2$
			appendLiteral(items, files.get(i).content(), text);
			items.append(')');
		}
		code.append(names).append('\n');
		code.append("for p,d in(").append(items).append(files.size() == 1 ? ",):" : "):"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String readBack = "open(p+'" + STAGED + (text ? "').read()" : "','rb').read()"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		code.append("f=open(p+'").append(STAGED).append(text ? "','w')" : "','wb')") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.append(";f.write(d);f.close();print(") //$NON-NLS-1$
				.append(hashlib ? "h.sha256(" + readBack + ").digest())" : "repr(" + readBack + "))"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		return code.append('\n').toString();
	}

	/**
	 * The first half of the stage snippet for strict PEM files ({@link PemBlocks}): imports what the rest needs, turns
	 * Ctrl-C off ({@code micropython.kbd_intr(-1)}, so that 0x03 in the DER is data; turned back on in a
	 * {@code finally}), prints 0x06 (the ready byte the binary upload's receiver prints too) and reads {@code size} raw
	 * bytes from {@code sys.stdin.buffer} into {@code d}. Firmware without any of these fails before it prints 0x06
	 * and before it touches the flash.
	 * Nothing is written to the flash while the bytes arrive, so no flow control is needed. Then the prelude runs.
	 */
	public static String receiveDer(String prelude, int size) {
		return "import sys,micropython as m,binascii as b,hashlib as h\n" //$NON-NLS-1$
				+ "k=m.kbd_intr;k(-1)\n" //$NON-NLS-1$
				+ "try:sys.stdout.write('\\x06');d=sys.stdin.buffer.read(" + size + ")\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "finally:k(3)\n" //$NON-NLS-1$
				+ prelude;
	}

	/**
	 * The second half of the stage snippet for strict PEM files, after {@link #receiveDer} (or with {@code d} bound to
	 * the blocks' DER one after the other, and {@code b}, {@code h} to {@code binascii}, {@code hashlib}): names the
	 * targets {@code A, B, ...}, rebuilds each file in the strict layout from its blocks (a line of
	 * {@code b2a_base64} per 48 bytes, which ends it with a line feed) into {@code <target>.n}, reads it back and
	 * prints its SHA-256 digest ({@code bytes}), one line per file, as {@link #stage} does.
	 */
	public static String rebuildPem(List<ReplacedFile> files, List<PemBlocks> pems) {
		StringBuilder code = new StringBuilder();
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < files.size(); i++) {
			code.append(i == 0 ? "" : ";").append(target(i)).append('=').append(quote(files.get(i).path())); //$NON-NLS-1$ //$NON-NLS-2$
			items.append(i == 0 ? "(" : ",(").append(target(i)).append(",("); //$NON-NLS-1$ //$NON-NLS-2$
			List<PemBlocks.Block> blocks = pems.get(i).blocks();
			for (int j = 0; j < blocks.size(); j++) {
				items.append(j == 0 ? "(" : ",(").append(quote(blocks.get(j).label())).append(',') //$NON-NLS-1$ //$NON-NLS-2$
						.append(blocks.get(j).der().length).append(')');
			}
			items.append(blocks.size() == 1 ? ",))" : "))"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		code.append("\nq=0\nfor p,s in(").append(items).append(files.size() == 1 ? ",):\n" : "):\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		code.append(" f=open(p+'").append(STAGED).append("','w')\n") //$NON-NLS-1$ //$NON-NLS-2$
				.append(" for l,n in s:\n") //$NON-NLS-1$
				.append("  c=d[q:q+n];q+=n;f.write('-----BEGIN '+l+'-----\\n')\n") //$NON-NLS-1$
				.append("  for i in range(0,n,").append(PemBlocks.LINE_BYTES).append("):f.write(b.b2a_base64(c[i:i+") //$NON-NLS-1$ //$NON-NLS-2$
				.append(PemBlocks.LINE_BYTES).append("]).decode())\n") //$NON-NLS-1$
				.append("  f.write('-----END '+l+'-----\\n')\n") //$NON-NLS-1$
				.append(" f.close();print(h.sha256(open(p+'").append(STAGED).append("').read()).digest())\n"); //$NON-NLS-1$ //$NON-NLS-2$
		return code.toString();
	}

	/**
	 * After {@link #stage}: moves each target that exists to {@code <target>.o}, then each staged file into place,
	 * then removes the backups. Each rename is atomic and raises when it fails.
	 *
	 * @param exists per file, whether its target exists now
	 */
	public static String swap(boolean[] exists) {
		StringBuilder code = new StringBuilder("r=os.rename\n"); //$NON-NLS-1$
		for (int i = 0; i < exists.length; i++) {
			if (exists[i]) {
				code.append("r(").append(target(i)).append(',').append(target(i)).append("+'").append(BACKUP).append("');"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		for (int i = 0; i < exists.length; i++) {
			code.append("r(").append(target(i)).append("+'").append(STAGED).append("',").append(target(i)).append(");"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		}
		for (int i = 0; i < exists.length; i++) {
			if (exists[i]) {
				code.append("os.remove(").append(target(i)).append("+'").append(BACKUP).append("');"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			}
		}
		code.setLength(code.length() - 1);
		return code.append('\n').toString();
	}

	/** @return whether the content is printable ASCII and line feeds only (PEM is) */
	public static boolean isPlainText(byte[] content) {
		for (byte value : content) {
			if (value != '\n' && (value < 0x20 || value >= 0x7f)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A triple-quoted literal, {@code str} for plain text, else {@code bytes}: printable ASCII and line feeds as they
	 * are, the rest escaped, so that the raw REPL's control bytes never appear raw.
	 */
	private static void appendLiteral(StringBuilder out, byte[] content, boolean text) {
		out.append(text ? "'''" : "b'''"); //$NON-NLS-1$ //$NON-NLS-2$
		for (byte value : content) {
			int c = value & 0xff;
			if (c == '\\' || c == '\'') {
				out.append('\\').append((char) c);
			} else if (c == '\n' || c >= 0x20 && c < 0x7f) {
				out.append((char) c);
			} else {
				out.append(String.format("\\x%02x", Integer.valueOf(c))); //$NON-NLS-1$
			}
		}
		out.append("'''"); //$NON-NLS-1$
	}
}
