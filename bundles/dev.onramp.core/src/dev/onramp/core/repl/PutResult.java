/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

/**
 * The outcome of an upload.
 *
 * @param path         where the file now is
 * @param size         payload bytes
 * @param sha256       hex digest of the content now on the device
 * @param skipped      true when the device already held identical content and nothing was written
 * @param verification how the content on the device was checked
 */
public record PutResult(String path, long size, String sha256, boolean skipped, Verification verification) {

	/** How an upload was verified. */
	public enum Verification {
		/** SHA-256 computed by {@code hashlib} on the device and compared with the local one. */
		DEVICE_SHA256,
		/** The firmware has no {@code hashlib}: the file was read back and compared byte by byte. */
		READ_BACK
	}
}
