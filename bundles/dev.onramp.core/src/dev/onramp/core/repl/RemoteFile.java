/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

/**
 * A file or directory on the device.
 *
 * @param path      absolute, for example {@code /certs/servercert.pem}
 * @param directory whether it is a directory
 * @param size      in bytes; 0 for directories
 */
public record RemoteFile(String path, boolean directory, long size) {

	/** @return the last path segment */
	public String name() {
		int slash = path.lastIndexOf('/');
		return slash < 0 ? path : path.substring(slash + 1);
	}
}
