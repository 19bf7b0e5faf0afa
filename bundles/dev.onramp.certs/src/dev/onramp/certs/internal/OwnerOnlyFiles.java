/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files only their owner may read (mode 600 in directories of mode 700), written atomically: a temporary file in
 * the same directory, flushed to disk, then renamed into place. Where the file system has no POSIX permissions
 * (Windows), the per-user profile folder's access control is what protects the files.
 */
final class OwnerOnlyFiles {

	static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------"); //$NON-NLS-1$
	static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------"); //$NON-NLS-1$
	private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private OwnerOnlyFiles() {
	}

	/** Creates the directory (and parents) if needed and makes it owner-only. */
	static void ensureOwnerOnlyDirectory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory, attributes(directory.getParent(), OWNER_DIRECTORY));
		}
		restrict(directory, OWNER_DIRECTORY);
	}

	/**
	 * Writes a file that must not exist yet. If another process created it meanwhile, fails with
	 * {@link FileAlreadyExistsException} and leaves that file untouched.
	 */
	static void writeNew(Path target, byte[] content) throws IOException {
		Path temporary = writeTemporary(target, content, OWNER_FILE);
		try {
			try {
				Files.createLink(target, temporary); // atomic, and never replaces an existing file
			} catch (UnsupportedOperationException | IOException e) {
				if (e instanceof FileAlreadyExistsException) {
					throw e;
				}
				Files.move(temporary, target); // no REPLACE_EXISTING: an existing file makes this fail
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Replaces the file's content atomically; readers see the old or the new content, never a mixture. */
	static void replace(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
		Path temporary = writeTemporary(target, content, permissions);
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** @return whether group or others may access the file; false where permissions are not POSIX */
	static boolean isExposed(Path file) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (view == null) {
			return false;
		}
		Set<PosixFilePermission> permissions = view.readAttributes().permissions();
		permissions.retainAll(GROUP_OR_OTHERS);
		return !permissions.isEmpty();
	}

	static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
		if (view != null) {
			view.setPermissions(permissions);
		}
	}

	private static Path writeTemporary(Path target, byte[] content, Set<PosixFilePermission> permissions)
			throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp", //$NON-NLS-1$ //$NON-NLS-2$
				attributes(directory, permissions));
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		} catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temporary);
			throw e;
		}
		return temporary;
	}

	private static FileAttribute<?>[] attributes(Path directory, Set<PosixFilePermission> permissions) {
		Path probe = directory;
		while (probe != null && !Files.exists(probe)) {
			probe = probe.getParent();
		}
		boolean posix = probe != null && Files.getFileAttributeView(probe, PosixFileAttributeView.class) != null;
		return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}
}
