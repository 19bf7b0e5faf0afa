/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceErrorException;
import dev.onramp.core.repl.ExecResult;
import dev.onramp.core.repl.MicroPythonError;
import dev.onramp.core.repl.PutResult;
import dev.onramp.core.repl.PythonLiteral;
import dev.onramp.core.repl.ReplacedFile;
import dev.onramp.core.repl.snippets.PemBlocks;
import dev.onramp.core.repl.snippets.ReplaceSnippets;

/**
 * {@link dev.onramp.core.repl.IDeviceFileSystem#replaceTogether} in three snippets ({@link ReplaceSnippets}), each one raw-paste exchange: the
 * device runs a snippet only once all of it arrived, so a line that drops mid-way leaves the flash as the previous
 * snippet left it.
 * <ol>
 * <li><b>Look</b>: list the target directories (which targets, staged {@code .n} and backup {@code .o} files exist).</li>
 * <li><b>Stage</b>: resolve the leftovers of an interrupted run (see below), create missing directories, write each
 * new file to {@code <path>.n}, read it back from the flash and print its SHA-256, which covers its size too (without
 * {@code hashlib}: the content). The host compares them with its own. Strict PEM ({@link PemBlocks}, what certificate
 * services write) travels as its DER, raw through {@code sys.stdin.buffer} after the device said it is ready, and the
 * device rebuilds the text line by line with {@code binascii.b2a_base64}; the digest proves the rebuild byte for byte.
 * Other content, or firmware without that channel, travels in a literal in the snippet itself (a {@code str} for
 * text, else {@code bytes}).</li>
 * <li><b>Swap</b>, only when every staged file is correct: move the existing targets to {@code <path>.o}, rename the
 * staged files into place, remove the backups (each rename is atomic and raises when it fails).</li>
 * </ol>
 * The targets therefore only ever hold all old files, all new files, or (while a swap runs) some of one generation
 * and none of the other; never old and new together. A swap that stopped part-way leaves backups; the next run's
 * look finds them: when every target exists and no staged file is left, the swap was removing backups and is
 * finished; otherwise it is rolled back (each backup renamed over its target), before anything new is staged.
 * <p>
 * Wire cost: the DER of strict PEM is three quarters of its text, so the host sends about 0.75 byte per payload byte
 * plus about 600 bytes of code and protocol for the three exchanges, whatever the size of the files; in a literal,
 * PEM needs no escaping, about 1 byte per payload byte plus about 290 bytes.
 */
final class TogetherReplacement {

	private static final String STAGED = ReplaceSnippets.STAGED;
	private static final String BACKUP = ReplaceSnippets.BACKUP;

	private final ReplSession session;
	private final List<ReplacedFile> files;
	/** Directory → whether it exists, then the names in it. */
	private final Map<String, Set<String>> listing = new LinkedHashMap<>();
	private final Set<String> missingDirectories = new HashSet<>();

	private TogetherReplacement(ReplSession session, List<ReplacedFile> files) {
		this.session = session;
		this.files = files;
	}

	static List<PutResult> run(ReplSession session, List<ReplacedFile> files) throws OnrampException {
		check(files);
		TogetherReplacement replacement = new TogetherReplacement(session, files);
		replacement.look();
		String recovery = replacement.recover();
		List<PutResult> staged = replacement.stage(recovery);
		replacement.swap();
		return staged;
	}

	private static void check(List<ReplacedFile> files) {
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no files to replace"); //$NON-NLS-1$
		}
		Set<String> paths = new HashSet<>();
		long total = 0;
		for (ReplacedFile file : files) {
			if (!paths.add(file.path())) {
				throw new IllegalArgumentException("a path given twice: " + file.path()); //$NON-NLS-1$
			}
			total += file.content().length;
		}
		if (total > ReplacedFile.MAX_TOTAL) {
			throw new IllegalArgumentException(
					total + " bytes are too many to replace together (at most " + ReplacedFile.MAX_TOTAL + ")"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	private static String parent(String path) {
		int slash = path.lastIndexOf('/');
		return slash <= 0 ? "/" : path.substring(0, slash); //$NON-NLS-1$
	}

	private static String name(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private boolean exists(String path) {
		Set<String> names = listing.get(parent(path));
		return names != null && names.contains(name(path));
	}

	private void mark(String path, boolean present) {
		Set<String> names = listing.get(parent(path));
		if (present) {
			names.add(name(path));
		} else {
			names.remove(name(path));
		}
	}

	/** Lists each target directory; a missing one is created by the staging snippet (one level) or here. */
	private void look() throws OnrampException {
		List<String> directories = new ArrayList<>();
		for (ReplacedFile file : files) {
			if (!directories.contains(parent(file.path()))) {
				directories.add(parent(file.path()));
			}
		}
		int done = 0;
		while (done < directories.size()) {
			String code = ReplaceSnippets.look(directories.subList(done, directories.size()));
			ExecResult result = session.exec(code);
			String[] lines = result.stdout().strip().isEmpty() ? new String[0]
					: result.stdout().strip().split("\\r?\\n"); //$NON-NLS-1$
			for (String line : lines) {
				listing.put(directories.get(done++), names(line));
			}
			if (!result.ok()) {
				MicroPythonError error = result.error().get();
				if (!error.isOSError(MicroPythonError.ENOENT) || done >= directories.size()) {
					throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR,
							"Listing " + directories.get(Math.min(done, directories.size() - 1)), error); //$NON-NLS-1$
				}
				String missing = directories.get(done++);
				if (!listing.containsKey(parent(missing)) && !parent(missing).equals("/")) { //$NON-NLS-1$
					session.files().mkdirs(missing); // deeper than one level: rare, so the plain way
				} else {
					missingDirectories.add(missing);
				}
				listing.put(missing, new HashSet<>());
			}
		}
	}

	private Set<String> names(String printed) throws OnrampException {
		try {
			Set<String> names = new HashSet<>();
			for (Object name : (List<?>) PythonLiteral.parse(printed)) {
				names.add((String) name);
			}
			return names;
		} catch (IllegalArgumentException | ClassCastException e) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"Unexpected directory listing from the device: " + printed, null, e); //$NON-NLS-1$
		}
	}

	/**
	 * @return the statements that resolve an interrupted swap (empty when there is none); the listing is updated to
	 *         the state they leave
	 */
	private String recover() {
		boolean backups = false;
		boolean allTargets = true;
		boolean staged = false;
		for (ReplacedFile file : files) {
			backups |= exists(file.path() + BACKUP);
			allTargets &= exists(file.path());
			staged |= exists(file.path() + STAGED);
		}
		if (!backups) {
			return ""; //$NON-NLS-1$
		}
		StringBuilder code = new StringBuilder();
		boolean finish = allTargets && !staged;
		for (ReplacedFile file : files) {
			String target = file.path();
			if (!exists(target + BACKUP)) {
				continue;
			}
			if (!finish) {
				if (exists(target)) {
					code.append(ReplaceSnippets.remove(target));
				}
				code.append(ReplaceSnippets.restore(target));
				mark(target, true);
			} else {
				code.append(ReplaceSnippets.remove(target + BACKUP));
			}
			mark(target + BACKUP, false);
		}
		return code.toString();
	}

	/**
	 * Stages the files: strict PEM as its DER through the binary channel when the firmware has one, else (or for other
	 * content) from literals in the snippet.
	 *
	 * @return the verified results; throws when a staged file differs (the targets are untouched)
	 */
	private List<PutResult> stage(String recovery) throws OnrampException {
		String prelude = prelude(recovery);
		List<PemBlocks> pems = new ArrayList<>();
		for (ReplacedFile file : files) {
			Optional<PemBlocks> pem = PemBlocks.parse(file.content());
			if (pem.isEmpty()) {
				return stage(prelude, true);
			}
			pems.add(pem.get());
		}
		Optional<ExecResult> result = stageDer(prelude, pems);
		if (result.isEmpty()) {
			return stage(prelude, true);
		}
		if (!result.get().ok()) {
			throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Writing " + describe(), result.get().error().get()); //$NON-NLS-1$
		}
		return checked(result.get(), true);
	}

	private String prelude(String recovery) {
		StringBuilder prelude = new StringBuilder(recovery);
		for (String directory : missingDirectories) {
			prelude.append(ReplaceSnippets.mkdir(directory));
		}
		return prelude.toString();
	}

	/**
	 * Sends the PEM files' DER raw after the device said it reads ({@link ReplaceSnippets#receiveDer}); the device
	 * rebuilds the text ({@link ReplaceSnippets#rebuildPem}) and prints each file's digest.
	 *
	 * @return the snippet's result, or empty when the firmware lacks the binary channel, {@code binascii} or
	 *         {@code hashlib} (it failed before it was ready and before it touched the flash)
	 */
	private Optional<ExecResult> stageDer(String prelude, List<PemBlocks> pems) throws OnrampException {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		pems.forEach(pem -> wire.writeBytes(pem.der()));
		byte[] der = wire.toByteArray();
		String code = ReplaceSnippets.receiveDer(prelude, der.length) + ReplaceSnippets.rebuildPem(files, pems);
		Duration timeout = session.options().execTimeout();
		boolean[] ready = { false };
		try {
			ExecResult result = session.converse(code, timeout, reader -> {
				if (!BinaryUpload.acknowledged(reader, timeout, session.portName(), 0, der.length)) {
					return Optional.of(""); //$NON-NLS-1$
				}
				ready[0] = true;
				reader.write(der, 0, der.length);
				return Optional.empty();
			});
			if (!result.ok() && !ready[0]) {
				String type = result.error().get().type();
				if (type.equals("ImportError") || type.equals("AttributeError")) { //$NON-NLS-1$ //$NON-NLS-2$
					return Optional.empty();
				}
			}
			return Optional.of(result);
		} finally {
			Arrays.fill(der, (byte) 0);
		}
	}

	/** @return the verified results; throws when a staged file differs (the targets are untouched) */
	private List<PutResult> stage(String prelude, boolean hashlib) throws OnrampException {
		String code = ReplaceSnippets.stage(prelude, files, hashlib);
		ExecResult result = session.exec(code);
		if (!result.ok()) {
			MicroPythonError error = result.error().get();
			if (hashlib && error.type().equals("ImportError") && error.message().contains("hashlib")) { //$NON-NLS-1$ //$NON-NLS-2$
				return stage(prelude, false);
			}
			throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Writing " + describe(), error); //$NON-NLS-1$
		}
		return checked(result, hashlib);
	}

	/** @return the verified results of a stage snippet that ran; throws when a staged file differs */
	private List<PutResult> checked(ExecResult result, boolean hashlib) throws OnrampException {
		for (String directory : missingDirectories) {
			listing.put(directory, new HashSet<>());
		}
		String[] lines = result.stdout().strip().split("\\r?\\n"); //$NON-NLS-1$
		if (lines.length != files.size()) {
			throw unexpected(lines.length + " lines for " + files.size() + " files"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		List<PutResult> results = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			ReplacedFile file = files.get(i);
			byte[] seen;
			try {
				Object printed = PythonLiteral.parse(lines[i].strip());
				seen = printed instanceof String string ? string.getBytes(StandardCharsets.US_ASCII) : (byte[]) printed;
			} catch (IllegalArgumentException | ClassCastException e) {
				throw unexpected("no check for " + file.path()); //$NON-NLS-1$
			}
			String localHash = DeviceFileSystem.sha256Hex(file.content());
			boolean same = hashlib ? HexFormat.of().formatHex(seen).equals(localHash) : Arrays.equals(seen, file.content());
			// without hashlib the device read the content back (the digest covers the size)
			long size = hashlib ? (same ? file.content().length : -1) : seen.length;
			if (!hashlib) {
				Arrays.fill(seen, (byte) 0);
			}
			if (!same) {
				throw new OnrampException(FailureReason.PROTOCOL_ERROR, "The copy of " + file.path() //$NON-NLS-1$
						+ " written on the device differs from what was sent" //$NON-NLS-1$
						+ (size < 0 ? "" : " (" + size + " of " + file.content().length + " bytes)") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
						+ "; the previous files are kept.", //$NON-NLS-1$
						"Retry; if it fails again the device's flash may be full or failing."); //$NON-NLS-1$
			}
			mark(file.path() + STAGED, true);
			results.add(new PutResult(file.path(), size, localHash, false,
					hashlib ? PutResult.Verification.DEVICE_SHA256 : PutResult.Verification.READ_BACK));
		}
		return results;
	}

	/**
	 * Moves the old files aside, the new ones into place, and removes the old ones. Each rename is atomic and raises
	 * when it fails, so a snippet that ends without an exception has done all of them.
	 */
	private void swap() throws OnrampException {
		boolean[] exists = new boolean[files.size()];
		for (int i = 0; i < files.size(); i++) {
			exists[i] = exists(files.get(i).path());
		}
		String code = ReplaceSnippets.swap(exists);
		ExecResult result = session.exec(code);
		if (!result.ok()) {
			throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Renaming the new " + describe() //$NON-NLS-1$
					+ " into place (the next attempt finishes or rolls back what was done)", result.error().get()); //$NON-NLS-1$
		}
	}

	private String describe() {
		StringBuilder text = new StringBuilder();
		for (ReplacedFile file : files) {
			text.append(text.length() == 0 ? "" : " and ").append(file.path()); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return text.toString();
	}

	/** @param what never the content a snippet printed back (it may be a key) */
	private static OnrampException unexpected(String what) {
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				"Unexpected answer from the device while checking the new files: " + what + "."); //$NON-NLS-1$ //$NON-NLS-2$
	}
}
