/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.repl.internal;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.repl.DeviceErrorException;
import dev.onramp.core.repl.ExecResult;
import dev.onramp.core.repl.FileTransferProgress;
import dev.onramp.core.repl.IDeviceFileSystem;
import dev.onramp.core.repl.MicroPythonError;
import dev.onramp.core.repl.PutResult;
import dev.onramp.core.repl.PythonLiteral;
import dev.onramp.core.repl.RemoteFile;
import dev.onramp.core.repl.ReplacedFile;
import dev.onramp.core.repl.snippets.FileSnippets;

/**
 * Files on the device through the raw REPL.
 * <p>
 * <b>Uploads</b> go in binary when the firmware allows it ({@link BinaryUpload}: raw bytes read by a small receiver
 * from {@code sys.stdin.buffer}, one ACK byte per KB, about 1 wire byte per payload byte). That needs
 * {@code sys.stdin.buffer}, {@code micropython.kbd_intr} (else 0x03 in the data would interrupt the receiver) and
 * {@code hashlib}; whether the firmware has them is probed once per session (again after a reset). Without them
 * uploads travel as base64 lines ({@code _w(_b('...'))}, decoded on the device by
 * {@code binascii.a2b_base64}), several lines per snippet, sent in raw-paste mode: 4/3 wire bytes per payload byte
 * plus a few percent of framing, against ~2-4 for mpremote's {@code repr(bytes)} chunks. The content goes to
 * {@code <path>.tmp}; only when it is verified does {@code os.rename} replace the file, so a cut-off transfer leaves
 * the previous version intact (and a stale {@code .tmp} that the next upload overwrites).
 * <p>
 * <b>Verification</b>: the device computes SHA-256 with {@code hashlib}, reading the file in 2 KB pieces so that large
 * files fit in RAM; the host compares it with its own. <b>Fallback without hashlib</b> (some minimal ports): the file
 * is read back (base64 via {@code binascii.b2a_base64}) and compared byte by byte. That costs a second transfer but
 * is as strict as a hash; a size check alone would miss corruption, so it is not used. The same checks decide whether
 * the device already holds identical content, in which case nothing is written.
 * <p>
 * The snippets use only names starting with an underscore, so they do not clobber a user's globals.
 */
final class DeviceFileSystem implements IDeviceFileSystem {

	/** Payload bytes per base64 line (2048 characters on the wire). */
	static final int LINE_PAYLOAD = 1536;
	/** Lines per snippet: bounds what the device must compile at once (~6 KB). */
	static final int LINES_PER_EXEC = 3;
	private static final int HASH_PIECE = 2048;
	private static final int HASH_PIECES_PER_EXEC = 64;
	private static final int READ_LINE = 1536;
	private static final int READ_LINES_PER_EXEC = 8;
	/**
	 * Larger than the flash of any ESP32-class board: a size beyond it in os.stat's answer is line noise or a
	 * misbehaving device, never a file to read, hash or allocate for.
	 */
	static final long MAX_FILE_SIZE = 128L * 1024 * 1024;
	/** What {@link #get} reserves before the content arrives, however large the file claims to be. */
	private static final int INITIAL_READ_BUFFER = 64 * 1024;

	private final ReplSession session;
	private Boolean hashlib;
	private Boolean binary;

	DeviceFileSystem(ReplSession session) {
		this.session = session;
	}

	/** After a reset the device's modules are no longer imported. */
	void forgetPreparation() {
		hashlib = null;
		binary = null;
	}

	/** @return whether the firmware can receive binary uploads (asked once per session) */
	private boolean binaryUploads() throws OnrampException {
		if (binary == null) {
			ExecResult result = session.exec(FileSnippets.BINARY_PROBE);
			if (result.ok()) {
				binary = Boolean.TRUE;
			} else if (result.error().get().type().equals("AttributeError") //$NON-NLS-1$
					|| result.error().get().type().equals("ImportError")) { //$NON-NLS-1$
				binary = Boolean.FALSE;
			} else {
				throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Preparing file access", //$NON-NLS-1$
						result.error().get());
			}
		}
		return binary.booleanValue();
	}

	/**
	 * Imports what file access needs, once per session. The first attempt also asks whether binary uploads work, so
	 * that the common firmware (hashlib and the binary receiver's modules present) needs one snippet for both.
	 *
	 * @return whether the device has {@code hashlib}
	 */
	private boolean prepare() throws OnrampException {
		if (hashlib == null && binary == null && session.exec(FileSnippets.PREPARE_ALL).ok()) {
			hashlib = Boolean.TRUE;
			binary = Boolean.TRUE;
		}
		if (hashlib == null) {
			ExecResult result = session.exec(FileSnippets.PREPARE);
			if (result.ok()) {
				hashlib = Boolean.TRUE;
			} else if (result.error().get().type().equals("ImportError") //$NON-NLS-1$
					&& result.error().get().message().contains("hashlib")) { //$NON-NLS-1$
				session.execOrThrow(FileSnippets.PREPARE_WITHOUT_HASHLIB, "Preparing file access"); //$NON-NLS-1$
				hashlib = Boolean.FALSE;
			} else {
				throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Preparing file access", //$NON-NLS-1$
						result.error().get());
			}
		}
		return hashlib.booleanValue();
	}

	@Override
	public List<RemoteFile> list(String directory) throws OnrampException {
		prepare();
		String out = session.execOrThrow(FileSnippets.listDirectory(directory), "Listing " + directory); //$NON-NLS-1$
		List<RemoteFile> files = new ArrayList<>();
		String prefix = directory.endsWith("/") ? directory : directory + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		List<Object> entries;
		try {
			entries = asList(PythonLiteral.parse(out), out);
		} catch (IllegalArgumentException e) {
			throw unexpected("Listing " + directory, out, e); //$NON-NLS-1$
		}
		for (Object entry : entries) {
			String name;
			boolean dir;
			Optional<Long> listedSize;
			try {
				List<Object> fields = asList(entry, out);
				name = (String) fields.get(0);
				dir = (((Long) fields.get(1)).longValue() & 0x4000) != 0;
				listedSize = fields.size() > 3 ? Optional.of((Long) fields.get(3)) : Optional.empty();
			} catch (ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
				// a device answers os.ilistdir with (str name, int type, int inode[, int size]) tuples
				throw unexpected("Listing " + directory, out, e); //$NON-NLS-1$
			}
			long size;
			if (listedSize.isPresent()) {
				size = checkedSize(listedSize.get().longValue(), "Listing " + directory, out); //$NON-NLS-1$
			} else {
				size = dir ? 0 : stat(prefix + name).map(RemoteFile::size).orElse(Long.valueOf(0)).longValue();
			}
			files.add(new RemoteFile(prefix + name, dir, dir ? 0 : size));
		}
		files.sort(Comparator.comparing(RemoteFile::path));
		return files;
	}

	private static OnrampException unexpected(String what, String printed, Exception cause) {
		return new OnrampException(FailureReason.PROTOCOL_ERROR,
				what + " gave an unexpected answer: " + ReplReader.show(printed.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)), //$NON-NLS-1$
				null, cause);
	}

	/** @return the size a device reports, if it is one a file on it can have */
	private static long checkedSize(long size, String what, String printed) throws OnrampException {
		if (size < 0 || size > MAX_FILE_SIZE) {
			throw unexpected(what, printed, null);
		}
		return size;
	}

	@SuppressWarnings("unchecked")
	private List<Object> asList(Object value, String printed) throws OnrampException {
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		throw new OnrampException(FailureReason.PROTOCOL_ERROR, "Unexpected answer from the device: " + printed); //$NON-NLS-1$
	}

	@Override
	public Optional<RemoteFile> stat(String path) throws OnrampException {
		prepare();
		ExecResult result = session.exec(FileSnippets.stat(path));
		if (!result.ok()) {
			MicroPythonError error = result.error().get();
			if (error.isOSError(MicroPythonError.ENOENT)) {
				return Optional.empty();
			}
			throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Reading " + path, error); //$NON-NLS-1$
		}
		try {
			List<Object> fields = asList(PythonLiteral.parse(result.stdout()), result.stdout());
			boolean dir = (((Long) fields.get(0)).longValue() & 0x4000) != 0;
			long size = dir ? 0 : checkedSize(((Long) fields.get(6)).longValue(), "Reading " + path, result.stdout()); //$NON-NLS-1$
			return Optional.of(new RemoteFile(path, dir, size));
		} catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException | NullPointerException e) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR,
					"Unexpected answer from the device to os.stat: " + result.stdout().strip(), null, e); //$NON-NLS-1$
		}
	}

	@Override
	public void mkdirs(String path) throws OnrampException {
		Optional<RemoteFile> existing = stat(path);
		if (existing.isPresent()) {
			if (!existing.get().directory()) {
				throw new OnrampException(FailureReason.PROTOCOL_ERROR, path + " exists on the device and is a file."); //$NON-NLS-1$
			}
			return;
		}
		StringBuilder prefix = new StringBuilder();
		for (String part : path.split("/")) { //$NON-NLS-1$
			if (part.isEmpty()) {
				continue;
			}
			prefix.append('/').append(part);
			ExecResult result = session.exec(FileSnippets.mkdir(prefix.toString()));
			if (!result.ok() && !result.error().get().isOSError(MicroPythonError.EEXIST)) {
				throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Creating " + prefix, result.error().get()); //$NON-NLS-1$
			}
		}
	}

	@Override
	public byte[] get(String path, FileTransferProgress progress) throws OnrampException {
		RemoteFile file = stat(path).orElseThrow(() -> new OnrampException(FailureReason.PROTOCOL_ERROR,
				path + " does not exist on the device.")); //$NON-NLS-1$
		if (file.directory()) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, path + " is a directory on the device."); //$NON-NLS-1$
		}
		long size = file.size();
		// the content grows with what arrives, never ahead of it with what the device claims
		ByteArrayOutputStream content = new ByteArrayOutputStream((int) Math.min(size, INITIAL_READ_BUFFER));
		session.execOrThrow(FileSnippets.openRead(path), "Opening " + path); //$NON-NLS-1$
		progress.transferred(0, size);
		while (content.size() < size) {
			long left = size - content.size();
			int lines = (int) Math.min(READ_LINES_PER_EXEC, (left + READ_LINE - 1) / READ_LINE);
			String out = session.execOrThrow(FileSnippets.readBase64(READ_LINE, lines), "Reading " + path); //$NON-NLS-1$
			int before = content.size();
			for (String line : out.split("\\r?\\n")) { //$NON-NLS-1$
				if (!line.isBlank()) {
					try {
						content.writeBytes(Base64.getDecoder().decode(line.strip()));
					} catch (IllegalArgumentException e) {
						throw unexpected("Reading " + path, out, e); //$NON-NLS-1$
					}
				}
			}
			if (content.size() == before) {
				break; // the file shrank meanwhile
			}
			if (content.size() > size) {
				break; // more than os.stat said: reported below, without reading on
			}
			progress.transferred(content.size(), size);
		}
		session.execOrThrow(FileSnippets.CLOSE, "Closing " + path); //$NON-NLS-1$
		if (content.size() != size) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, "Reading " + path + " gave " + content.size() //$NON-NLS-1$ //$NON-NLS-2$
					+ " bytes instead of " + size + "."); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return content.toByteArray();
	}

	@Override
	public Optional<String> sha256(String path) throws OnrampException {
		boolean deviceHash = prepare();
		Optional<RemoteFile> file = stat(path);
		if (file.isEmpty() || file.get().directory()) {
			return Optional.empty();
		}
		return Optional.of(deviceHash ? deviceSha256(path, file.get().size())
				: sha256Hex(get(path, FileTransferProgress.NONE)));
	}

	private String deviceSha256(String path, long size) throws OnrampException {
		String what = "Hashing " + path; //$NON-NLS-1$
		long pieces = (size + HASH_PIECE - 1) / HASH_PIECE;
		String out;
		if (pieces <= HASH_PIECES_PER_EXEC) {
			out = session.execOrThrow(FileSnippets.hash(path, HASH_PIECE, (int) pieces), what);
		} else {
			session.execOrThrow(FileSnippets.hashOpen(path), what);
			for (long done = 0; done < pieces; done += HASH_PIECES_PER_EXEC) {
				int count = (int) Math.min(HASH_PIECES_PER_EXEC, pieces - done);
				session.execOrThrow(FileSnippets.hashUpdate(HASH_PIECE, count), what);
			}
			out = session.execOrThrow(FileSnippets.HASH_FINISH, what);
		}
		String hex = out.strip();
		if (!hex.matches("[0-9a-f]{64}")) { //$NON-NLS-1$
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, what + " gave an unexpected answer: " + hex); //$NON-NLS-1$
		}
		return hex;
	}

	@Override
	public PutResult put(String path, byte[] content, FileTransferProgress progress) throws OnrampException {
		boolean deviceHash = prepare();
		PutResult.Verification verification = deviceHash ? PutResult.Verification.DEVICE_SHA256
				: PutResult.Verification.READ_BACK;
		String localHash = sha256Hex(content);
		Optional<RemoteFile> existing = stat(path);
		if (existing.isPresent() && existing.get().directory()) {
			throw new OnrampException(FailureReason.PROTOCOL_ERROR, path + " is a directory on the device."); //$NON-NLS-1$
		}
		if (existing.isPresent() && existing.get().size() == content.length && holds(path, content, localHash, deviceHash)) {
			progress.transferred(content.length, content.length);
			return new PutResult(path, content.length, localHash, true, verification);
		}
		int slash = path.lastIndexOf('/');
		if (slash > 0 && existing.isEmpty()) {
			mkdirs(path.substring(0, slash));
		}
		String tmp = path + ".tmp"; //$NON-NLS-1$
		long[] sent = { 0 };
		try {
			boolean verified;
			if (deviceHash && binaryUploads()) {
				verified = BinaryUpload.send(session, tmp, content, progress, sent).equals(localHash);
			} else {
				writeBase64(tmp, content, progress, sent);
				verified = holds(tmp, content, localHash, deviceHash);
			}
			if (!verified) {
				removeQuietly(tmp);
				throw new OnrampException(FailureReason.PROTOCOL_ERROR,
						"The copy of " + path + " on the device does not match what was sent; the previous version is kept.", //$NON-NLS-1$ //$NON-NLS-2$
						"Retry; if it fails again the device's flash may be full or failing."); //$NON-NLS-1$
			}
			rename(tmp, path);
		} catch (DeviceErrorException e) {
			removeQuietly(tmp);
			throw e;
		} catch (OnrampException e) {
			if (e.reason() == FailureReason.DEVICE_VANISHED || e.reason() == FailureReason.TIMEOUT) {
				throw new OnrampException(e.reason(), "The upload of " + path + " was cut off after " + sent[0] + " of " //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ content.length + " bytes; the device still holds its previous version of " + path + ".", //$NON-NLS-1$ //$NON-NLS-2$
						"Reconnect the device and upload again (" + e.getMessage() + ")", e); //$NON-NLS-1$ //$NON-NLS-2$
			}
			throw e;
		}
		return new PutResult(path, content.length, localHash, false, verification);
	}

	/** Base64 lines, several per raw-paste snippet; the first snippet also creates the file, the last closes it. */
	private void writeBase64(String tmp, byte[] content, FileTransferProgress progress, long[] sent)
			throws OnrampException {
		progress.transferred(0, content.length);
		Base64.Encoder encoder = Base64.getEncoder();
		do {
			long chunkStart = sent[0];
			long end = sent[0];
			List<String> lines = new ArrayList<>(LINES_PER_EXEC);
			for (int line = 0; line < LINES_PER_EXEC && end < content.length; line++) {
				int n = (int) Math.min(LINE_PAYLOAD, content.length - end);
				lines.add(encoder.encodeToString(Arrays.copyOfRange(content, (int) end, (int) end + n)));
				end += n;
			}
			String code = FileSnippets.writeBase64(tmp, chunkStart == 0, lines, end == content.length);
			session.execOrThrow(code, "Writing " + tmp); //$NON-NLS-1$
			sent[0] = end;
			progress.transferred(sent[0], content.length);
			if (chunkStart == end) {
				break;
			}
		} while (sent[0] < content.length);
	}

	/** @return whether the device's file has exactly this content (device hash, else read back) */
	private boolean holds(String path, byte[] content, String localHash, boolean deviceHash) throws OnrampException {
		if (deviceHash) {
			return deviceSha256(path, content.length).equals(localHash);
		}
		return Arrays.equals(get(path, FileTransferProgress.NONE), content);
	}

	private void rename(String from, String to) throws OnrampException {
		ExecResult result = session.exec(FileSnippets.rename(from, to));
		if (result.ok()) {
			return;
		}
		if (result.error().get().isOSError(MicroPythonError.EEXIST)) {
			// FAT does not replace on rename (littlefs does): a short window without the file remains
			session.execOrThrow(FileSnippets.replace(from, to), "Replacing " + to); //$NON-NLS-1$
			return;
		}
		throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Renaming " + from, result.error().get()); //$NON-NLS-1$
	}

	private void removeQuietly(String path) {
		try {
			session.exec(FileSnippets.remove(path));
		} catch (OnrampException e) {
			// the upload already failed; keep its error
		}
	}

	@Override
	public List<PutResult> replaceTogether(List<ReplacedFile> files) throws OnrampException {
		return TogetherReplacement.run(session, files);
	}

	@Override
	public void remove(String path) throws OnrampException {
		prepare();
		ExecResult result = session.exec(FileSnippets.remove(path));
		if (!result.ok() && !result.error().get().isOSError(MicroPythonError.ENOENT)) {
			throw new DeviceErrorException(FailureReason.PROTOCOL_ERROR, "Removing " + path, result.error().get()); //$NON-NLS-1$
		}
	}

	static String sha256Hex(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
