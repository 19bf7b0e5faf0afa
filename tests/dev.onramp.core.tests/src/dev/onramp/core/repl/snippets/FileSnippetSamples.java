/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@link FileSnippets} with example arguments, in the sequences the product sends them: an upload in base64 lines
 * (prepare, mkdir, write to a temporary file, hash, rename, stat, list, read back, remove), an upload through the
 * binary receiver, and a port without hashlib.
 */
final class FileSnippetSamples {

	static final String BASE64_GROUP = "files: base64 upload, hash, rename, read back, remove"; //$NON-NLS-1$
	static final String BINARY_GROUP = "files: binary upload"; //$NON-NLS-1$
	static final String NO_HASHLIB_GROUP = "files: port without hashlib"; //$NON-NLS-1$
	/** The sample running {@link FileSnippets#receiver(String, int, int)}: it reads {@link #BINARY_SIZE} bytes. */
	static final String RECEIVER = "receive a binary upload"; //$NON-NLS-1$
	static final int BINARY_SIZE = 2500;

	/** The sizes the serial bundle uses today; the snippets take them as arguments. */
	private static final int LINE = 1536;
	private static final int HASH_PIECE = 2048;
	private static final int CHUNK = 1024;
	private static final String DIR = "/data"; //$NON-NLS-1$
	private static final String SUBDIR = "/data/app's files"; //$NON-NLS-1$
	private static final String FILE = SUBDIR + "/main.py"; //$NON-NLS-1$
	private static final String TMP = FILE + ".tmp"; //$NON-NLS-1$
	private static final String BINARY_FILE = "/main.py"; //$NON-NLS-1$
	private static final String BINARY_TMP = "/main.py.tmp"; //$NON-NLS-1$
	private static final String SMALL_FILE = "/boot.py"; //$NON-NLS-1$
	private static final String SMALL_TMP = "/boot.py.tmp"; //$NON-NLS-1$

	private FileSnippetSamples() {
	}

	/** @return 5000 bytes covering every byte value, Ctrl-C, Ctrl-D and quotes included */
	static byte[] exampleContent() {
		byte[] content = new byte[5000];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i * 7 + i / 256);
		}
		return content;
	}

	static List<Sample> all() {
		List<Sample> samples = new ArrayList<>();
		samples.addAll(base64Upload());
		samples.addAll(binaryUpload());
		samples.addAll(withoutHashlib());
		return samples;
	}

	private static List<Sample> base64Upload() {
		List<String> lines = base64Lines(exampleContent());
		Group g = new Group(BASE64_GROUP);
		g.clean("prepare file access and probe binary uploads", FileSnippets.PREPARE_ALL); //$NON-NLS-1$
		g.clean("prepare file access", FileSnippets.PREPARE); //$NON-NLS-1$
		g.failing("stat a missing file", FileSnippets.stat(FILE), "OSError"); //$NON-NLS-1$ //$NON-NLS-2$
		g.clean("mkdir", FileSnippets.mkdir(DIR)); //$NON-NLS-1$
		g.clean("mkdir with a quote in the name", FileSnippets.mkdir(SUBDIR)); //$NON-NLS-1$
		g.failing("mkdir an existing directory", FileSnippets.mkdir(DIR), "OSError"); //$NON-NLS-1$ //$NON-NLS-2$
		g.clean("write the first base64 lines to the temporary file", //$NON-NLS-1$
				FileSnippets.writeBase64(TMP, true, lines.subList(0, 3), false));
		g.clean("write the last base64 line and close", //$NON-NLS-1$
				FileSnippets.writeBase64(TMP, false, lines.subList(3, lines.size()), true));
		g.clean("hash the temporary file in one snippet", FileSnippets.hash(TMP, HASH_PIECE, 3)); //$NON-NLS-1$
		g.clean("rename the temporary file", FileSnippets.rename(TMP, FILE)); //$NON-NLS-1$
		g.clean("write a whole file in one snippet", FileSnippets.writeBase64(TMP, true, lines, true)); //$NON-NLS-1$
		g.clean("replace the file (FAT)", FileSnippets.replace(TMP, FILE)); //$NON-NLS-1$
		g.clean("stat the file", FileSnippets.stat(FILE)); //$NON-NLS-1$
		g.clean("list the directory", FileSnippets.listDirectory(SUBDIR)); //$NON-NLS-1$
		g.clean("list the root", FileSnippets.listDirectory("/")); //$NON-NLS-1$ //$NON-NLS-2$
		g.clean("start hashing the file", FileSnippets.hashOpen(FILE)); //$NON-NLS-1$
		g.clean("hash pieces", FileSnippets.hashUpdate(HASH_PIECE, 2)); //$NON-NLS-1$
		g.clean("hash the last piece", FileSnippets.hashUpdate(HASH_PIECE, 1)); //$NON-NLS-1$
		g.clean("finish the hash", FileSnippets.HASH_FINISH); //$NON-NLS-1$
		g.clean("open the file for reading", FileSnippets.openRead(FILE)); //$NON-NLS-1$
		g.clean("read base64 lines", FileSnippets.readBase64(LINE, 3)); //$NON-NLS-1$
		g.clean("read the last base64 line", FileSnippets.readBase64(LINE, 1)); //$NON-NLS-1$
		g.clean("close the file", FileSnippets.CLOSE); //$NON-NLS-1$
		g.clean("remove the file", FileSnippets.remove(FILE)); //$NON-NLS-1$
		g.failing("remove a missing file", FileSnippets.remove(FILE), "OSError"); //$NON-NLS-1$ //$NON-NLS-2$
		g.failing("rename a missing file", FileSnippets.rename(TMP, FILE), "OSError"); //$NON-NLS-1$ //$NON-NLS-2$
		return g.samples;
	}

	private static List<Sample> binaryUpload() {
		Group g = new Group(BINARY_GROUP);
		g.clean("probe binary uploads", FileSnippets.BINARY_PROBE); //$NON-NLS-1$
		g.clean("prepare file access and probe binary uploads", FileSnippets.PREPARE_ALL); //$NON-NLS-1$
		g.clean(RECEIVER, FileSnippets.receiver(BINARY_TMP, BINARY_SIZE, CHUNK));
		g.clean("hash the received file", FileSnippets.hash(BINARY_TMP, HASH_PIECE, 2)); //$NON-NLS-1$
		g.clean("rename the received file", FileSnippets.rename(BINARY_TMP, BINARY_FILE)); //$NON-NLS-1$
		g.clean("stat the received file", FileSnippets.stat(BINARY_FILE)); //$NON-NLS-1$
		g.clean("remove the received file", FileSnippets.remove(BINARY_FILE)); //$NON-NLS-1$
		return g.samples;
	}

	private static List<Sample> withoutHashlib() {
		List<String> lines = base64Lines(Arrays.copyOf(exampleContent(), 100));
		Group g = new Group(NO_HASHLIB_GROUP);
		g.clean("prepare file access without hashlib", FileSnippets.PREPARE_WITHOUT_HASHLIB); //$NON-NLS-1$
		g.clean("write a small file", FileSnippets.writeBase64(SMALL_TMP, true, lines, true)); //$NON-NLS-1$
		g.clean("rename the small file", FileSnippets.rename(SMALL_TMP, SMALL_FILE)); //$NON-NLS-1$
		g.clean("open the small file for reading", FileSnippets.openRead(SMALL_FILE)); //$NON-NLS-1$
		g.clean("read the small file back", FileSnippets.readBase64(LINE, 1)); //$NON-NLS-1$
		g.clean("close the small file", FileSnippets.CLOSE); //$NON-NLS-1$
		return g.samples;
	}

	private static List<String> base64Lines(byte[] content) {
		List<String> lines = new ArrayList<>();
		for (int start = 0; start < content.length; start += LINE) {
			lines.add(Base64.getEncoder()
					.encodeToString(Arrays.copyOfRange(content, start, Math.min(content.length, start + LINE))));
		}
		return lines;
	}

	private static final class Group {
		final String name;
		final List<Sample> samples = new ArrayList<>();

		Group(String name) {
			this.name = name;
		}

		void clean(String sample, String code) {
			samples.add(Sample.clean(name, sample, code));
		}

		void failing(String sample, String code, String error) {
			samples.add(new Sample(name, sample, code, Optional.of(error)));
		}
	}
}
