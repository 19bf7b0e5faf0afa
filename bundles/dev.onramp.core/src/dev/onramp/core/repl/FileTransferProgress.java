/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

/** Progress of a file transfer in payload bytes (not wire bytes). Called on the transferring thread. */
@FunctionalInterface
public interface FileTransferProgress {

	FileTransferProgress NONE = (done, total) -> {
		// nothing
	};

	void transferred(long done, long total);
}
