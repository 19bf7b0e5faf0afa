/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import java.util.Objects;

/**
 * A file for {@link IDeviceFileSystem#replaceTogether}. The content may be secret (a private key): it is not part of
 * {@link #toString()}, and the caller may clear the array once the replacement returned.
 *
 * @param path    absolute path on the device
 * @param content the new content
 */
public record ReplacedFile(String path, byte[] content) {

	/** The files of one replacement travel in one snippet that the device compiles in RAM: a few KB at most. */
	public static final int MAX_TOTAL = 24 * 1024;

	public ReplacedFile {
		Objects.requireNonNull(path);
		Objects.requireNonNull(content);
		if (!path.startsWith("/") || path.endsWith("/")) { //$NON-NLS-1$ //$NON-NLS-2$
			throw new IllegalArgumentException("not an absolute file path: " + path); //$NON-NLS-1$
		}
	}

	@Override
	public String toString() {
		return path + " (" + content.length + " bytes)"; //$NON-NLS-1$ //$NON-NLS-2$
	}
}
