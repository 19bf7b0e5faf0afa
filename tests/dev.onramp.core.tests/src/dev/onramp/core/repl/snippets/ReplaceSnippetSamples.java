/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.onramp.core.repl.ReplacedFile;

/**
 * The snippets of {@link ReplaceSnippets} as a replacement sends them: a first install on a board without the folder,
 * a replacement of that pair, a replacement after an interrupted swap (rolled back first), and binary content on a
 * board without hashlib's check (read back).
 */
final class ReplaceSnippetSamples {

	static final String GROUP = "replace"; //$NON-NLS-1$
	static final String CERT = "/certs/servercert.pem"; //$NON-NLS-1$
	static final String KEY = "/certs/prvtkey.pem"; //$NON-NLS-1$

	private ReplaceSnippetSamples() {
	}

	static List<ReplacedFile> pair(int generation) {
		return List.of(new ReplacedFile(CERT, pem("CERTIFICATE", generation)), //$NON-NLS-1$
				new ReplacedFile(KEY, pem("PRIVATE KEY", generation))); //$NON-NLS-1$
	}

	private static byte[] pem(String label, int generation) {
		return ("-----BEGIN " + label + "-----\nMIIB" + generation + "x".repeat(60) + "\nAbCd+/==\n-----END " + label //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ "-----\n").getBytes(StandardCharsets.US_ASCII); //$NON-NLS-1$
	}

	/** Every byte value, so that escapes and the raw REPL's control bytes are covered. */
	static byte[] binary() {
		byte[] all = new byte[256];
		for (int i = 0; i < all.length; i++) {
			all[i] = (byte) i;
		}
		return all;
	}

	/**
	 * Strict PEM as a certificate service writes it, made with the JDK's MIME encoder (64 characters a line): a chain
	 * of a block of 100 bytes (two full lines and a short one) and one of 96 (exactly two lines), and a key of 3.
	 */
	static List<ReplacedFile> strictPair() {
		return List.of(new ReplacedFile("/strict/chain.pem", //$NON-NLS-1$
				(strict("CERTIFICATE", 100, 7) + strict("CERTIFICATE", 96, 8)).getBytes(StandardCharsets.US_ASCII)), //$NON-NLS-1$ //$NON-NLS-2$
				new ReplacedFile("/strict/key.pem", strict("PRIVATE KEY", 3, 9).getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String strict(String label, int size, int seed) {
		byte[] der = new byte[size];
		new java.util.Random(seed).nextBytes(der);
		return "-----BEGIN " + label + "-----\n" //$NON-NLS-1$ //$NON-NLS-2$
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der) + "\n-----END " + label + "-----\n"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** The rebuild half of the strict-PEM stage, with {@code d} given as a literal instead of read from the line. */
	static String rebuildStrictPair() {
		List<ReplacedFile> files = strictPair();
		List<PemBlocks> pems = files.stream().map(file -> PemBlocks.parse(file.content()).orElseThrow()).toList();
		StringBuilder der = new StringBuilder("d=b'"); //$NON-NLS-1$
		for (PemBlocks pem : pems) {
			for (byte value : pem.der()) {
				der.append(String.format("\\x%02x", Integer.valueOf(value & 0xff))); //$NON-NLS-1$
			}
		}
		return "import os,binascii as b,hashlib as h\nos.mkdir('/strict')\n" + der.append("'\n") //$NON-NLS-1$ //$NON-NLS-2$
				+ ReplaceSnippets.rebuildPem(files, pems);
	}

	static List<Sample> all() {
		List<String> certs = List.of("/certs"); //$NON-NLS-1$
		return List.of( //
				new Sample(GROUP, "look, no folder yet", ReplaceSnippets.look(certs), Optional.of("OSError")), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(GROUP, "stage 1 with mkdir", ReplaceSnippets.stage(ReplaceSnippets.mkdir("/certs"), pair(1), true)), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(GROUP, "swap 1 in", ReplaceSnippets.swap(new boolean[] { false, false })), //$NON-NLS-1$
				Sample.clean(GROUP, "look after 1", ReplaceSnippets.look(certs)), //$NON-NLS-1$
				Sample.clean(GROUP, "stage 2", ReplaceSnippets.stage("", pair(2), true)), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(GROUP, "swap 2 in", ReplaceSnippets.swap(new boolean[] { true, true })), //$NON-NLS-1$
				// not a product snippet: the state a swap leaves when the power goes after its first rename
				Sample.clean(GROUP, "interrupt a swap", "os.rename('" + CERT + "','" + CERT + ".o')"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				Sample.clean(GROUP, "look at the interrupted swap", ReplaceSnippets.look(certs)), //$NON-NLS-1$
				Sample.clean(GROUP, "roll back and stage 3", ReplaceSnippets.stage(ReplaceSnippets.restore(CERT), pair(3), true)), //$NON-NLS-1$
				Sample.clean(GROUP, "swap 3 in", ReplaceSnippets.swap(new boolean[] { true, true })), //$NON-NLS-1$
				Sample.clean(GROUP, "look after 3", ReplaceSnippets.look(certs)), //$NON-NLS-1$
				Sample.clean(GROUP, "stage binary, read back", //$NON-NLS-1$
						ReplaceSnippets.stage(ReplaceSnippets.mkdir("/blobs"), List.of(new ReplacedFile("/blobs/all.bin", binary())), false)), //$NON-NLS-1$ //$NON-NLS-2$
				Sample.clean(GROUP, "swap binary in", ReplaceSnippets.swap(new boolean[] { false })), //$NON-NLS-1$
				Sample.clean(GROUP, "rebuild strict PEM from its DER", rebuildStrictPair())); //$NON-NLS-1$
	}
}
