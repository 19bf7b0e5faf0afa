/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.util.List;

import dev.onramp.core.repl.PythonLiteral;

/**
 * The snippets of file access: preparing the session, listing, {@code os.stat}, {@code os.mkdir}, reading in base64
 * lines, SHA-256 on the device, writing base64 lines to a temporary file, renaming, removing, and the receiver of
 * binary uploads. Paths are quoted with {@link PythonLiteral#quote(String)}; base64 text needs no quoting.
 * <p>
 * The snippets use only names starting with an underscore ({@code _f} the open file, {@code _r} its reader,
 * {@code _w} its writer, {@code _b} the base64 decoder, {@code _h} the hash), so they do not clobber a user's globals.
 * Some rely on an earlier one of the same session: {@link #PREPARE} imports the modules the others use,
 * {@link #openRead(String)} precedes {@link #readBase64(int, int)}, {@link #hashOpen(String)} precedes
 * {@link #hashUpdate(int, int)} and {@link #HASH_FINISH}.
 */
public final class FileSnippets {

	/** Runs without error exactly when the firmware can receive binary uploads. */
	public static final String BINARY_PROBE = "import sys,micropython\nsys.stdin.buffer.read\nmicropython.kbd_intr\n"; //$NON-NLS-1$

	/** The modules file access needs, hashlib included. */
	public static final String PREPARE = "import os,binascii,hashlib"; //$NON-NLS-1$

	/** {@link #PREPARE} and {@link #BINARY_PROBE} in one snippet, for the common firmware that has both. */
	public static final String PREPARE_ALL = PREPARE + "\n" + BINARY_PROBE; //$NON-NLS-1$

	/** The modules file access needs on a port without hashlib. */
	public static final String PREPARE_WITHOUT_HASHLIB = "import os,binascii"; //$NON-NLS-1$

	/** Closes the file {@link #openRead(String)} opened. */
	public static final String CLOSE = "_f.close()"; //$NON-NLS-1$

	/** Closes the file {@link #hashOpen(String)} opened and prints the SHA-256 in hex. */
	public static final String HASH_FINISH = "_f.close()\nprint(binascii.hexlify(_h.digest()).decode())"; //$NON-NLS-1$

	private FileSnippets() {
	}

	/** @return a snippet printing {@code (name, type, inode[, size])} tuples of the directory's entries */
	public static String listDirectory(String directory) {
		return "print(list(os.ilistdir(" + PythonLiteral.quote(directory) + ")))"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a snippet printing {@code os.stat} of the path; OSError ENOENT when it does not exist */
	public static String stat(String path) {
		return "print(os.stat(" + PythonLiteral.quote(path) + "))"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a snippet creating one directory; OSError EEXIST when it exists */
	public static String mkdir(String path) {
		return "os.mkdir(" + PythonLiteral.quote(path) + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a snippet removing one file; OSError ENOENT when it does not exist */
	public static String remove(String path) {
		return "os.remove(" + PythonLiteral.quote(path) + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a snippet renaming {@code from} to {@code to}; FAT answers OSError EEXIST when {@code to} exists */
	public static String rename(String from, String to) {
		return "os.rename(" + PythonLiteral.quote(from) + "," + PythonLiteral.quote(to) + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** @return a snippet removing {@code to}, then renaming {@code from} to it (for FAT, which does not replace) */
	public static String replace(String from, String to) {
		return remove(to) + "\n" + rename(from, to); //$NON-NLS-1$
	}

	/** @return a snippet opening the file for {@link #readBase64(int, int)} */
	public static String openRead(String path) {
		return "_f=open(" + PythonLiteral.quote(path) + ",'rb')\n_r=_f.read"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a snippet printing the next {@code lines} pieces of {@code bytesPerLine} bytes, one base64 line each */
	public static String readBase64(int bytesPerLine, int lines) {
		return ("print(binascii.b2a_base64(_r(" + bytesPerLine + ")).decode(),end='')\n").repeat(lines); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a snippet starting a SHA-256 over the file */
	public static String hashOpen(String path) {
		return "_h=hashlib.sha256()\n_f=open(" + PythonLiteral.quote(path) + ",'rb')\n"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return a snippet hashing the next {@code pieces} pieces of {@code pieceSize} bytes */
	public static String hashUpdate(int pieceSize, int pieces) {
		return ("_h.update(_f.read(" + pieceSize + "))\n").repeat(pieces); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** @return one snippet printing the SHA-256 of a file of at most {@code pieces * pieceSize} bytes */
	public static String hash(String path, int pieceSize, int pieces) {
		return hashOpen(path) + hashUpdate(pieceSize, pieces) + HASH_FINISH;
	}

	/**
	 * @param tmp    the file to write; opened when {@code first}
	 * @param first  whether this snippet starts the file
	 * @param lines  the base64 text of consecutive pieces of the content
	 * @param last   whether this snippet ends the file (closes it)
	 * @return a snippet writing the pieces
	 */
	public static String writeBase64(String tmp, boolean first, List<String> lines, boolean last) {
		StringBuilder code = new StringBuilder();
		if (first) {
			code.append("_f=open(").append(PythonLiteral.quote(tmp)) //$NON-NLS-1$
					.append(",'wb')\n_w=_f.write\n_b=binascii.a2b_base64\n"); //$NON-NLS-1$
		}
		for (String line : lines) {
			code.append("_w(_b('").append(line).append("'))\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (last) {
			code.append("_f.close()\n"); //$NON-NLS-1$
		}
		return code.toString();
	}

	/**
	 * The receiver of a binary upload: disables Ctrl-C, answers one ACK byte (0x06) when ready and one after each
	 * {@code chunk}-byte piece it read from {@code sys.stdin.buffer}, wrote to {@code tmp} and hashed, then prints the
	 * SHA-256 in hex. Needs the modules of {@link #PREPARE_ALL}.
	 */
	public static String receiver(String tmp, int size, int chunk) {
		return "_r=sys.stdin.buffer.read\n_o=sys.stdout.write\n" //$NON-NLS-1$
				+ "_f=open(" + PythonLiteral.quote(tmp) + ",'wb')\n_h=hashlib.sha256()\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ "micropython.kbd_intr(-1)\n" //$NON-NLS-1$
				+ "try:\n" //$NON-NLS-1$
				+ " _o('\\x06')\n" //$NON-NLS-1$
				+ " for _i in range(0," + size + "," + chunk + "):_d=_r(min(" + chunk + "," + size //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ "-_i));_f.write(_d);_h.update(_d);_o('\\x06')\n" //$NON-NLS-1$
				+ "finally:\n" //$NON-NLS-1$
				+ " micropython.kbd_intr(3)\n" //$NON-NLS-1$
				+ " _f.close()\n" //$NON-NLS-1$
				+ "print(binascii.hexlify(_h.digest()).decode())\n"; //$NON-NLS-1$
	}

}
