/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.util.List;
import java.util.Optional;

import dev.onramp.core.OnrampException;

/**
 * The device's file system, through the raw REPL. Paths are absolute ({@code /certs/prvtkey.pem}). Failures raised on
 * the device arrive as {@link DeviceErrorException} with the parsed {@code OSError}.
 */
public interface IDeviceFileSystem {

	/** @return the entries of a directory, sorted by name */
	List<RemoteFile> list(String directory) throws OnrampException;

	/** @return the file or directory, empty if nothing exists at that path */
	Optional<RemoteFile> stat(String path) throws OnrampException;

	/** Creates the directory and its missing parents; existing directories are fine. */
	void mkdirs(String path) throws OnrampException;

	byte[] get(String path, FileTransferProgress progress) throws OnrampException;

	/**
	 * Writes a file binary-safe, atomically and verified: the content goes to {@code <path>.tmp}, is checked, then
	 * renamed over {@code path}. When the device already holds identical content nothing is written. If the line
	 * drops meanwhile, the old file stays intact and the failure is {@code DEVICE_VANISHED}. Missing parent
	 * directories are created.
	 */
	PutResult put(String path, byte[] content, FileTransferProgress progress) throws OnrampException;

	/** Removes a file; removing a missing file is not an error. */
	void remove(String path) throws OnrampException;

	/** @return the SHA-256 of the file computed on the device (hex), empty if the file does not exist */
	Optional<String> sha256(String path) throws OnrampException;

	/**
	 * Replaces small files together, so that the device holds either all the old versions or all the new ones, never
	 * some of each and never a half-written file (a certificate and its key). Each new file is written beside its
	 * target ({@code <path>.n}), read back and checked on the device (size and SHA-256, or the content itself without
	 * {@code hashlib}); only when all are correct are the old files moved aside ({@code <path>.o}), the new ones
	 * renamed into place and the old ones removed. Leftovers of a run that stopped part-way (a cable pulled, power
	 * lost) are resolved first: a swap that had started removing the old files is finished, any other is rolled
	 * back. Missing directories are created.
	 *
	 * @param files at most {@link ReplacedFile#MAX_TOTAL} bytes in all, paths absolute and distinct
	 * @return one result per file, in order
	 * @throws OnrampException {@code PROTOCOL_ERROR} when a check fails (the old files are kept);
	 *                         {@code DEVICE_VANISHED} or {@code TIMEOUT} when the line fails (old or new files, never
	 *                         a mix)
	 */
	List<PutResult> replaceTogether(List<ReplacedFile> files) throws OnrampException;
}
