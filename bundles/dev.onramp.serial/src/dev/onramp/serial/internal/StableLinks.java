/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The udev links under {@code /dev/serial/by-id}: names built from the USB identity that survive renumbering
 * ({@code ttyUSB0} today, {@code ttyUSB1} after the next plug-in).
 */
final class StableLinks {

	private StableLinks() {
	}

	/** @return real device path to its stable link; empty where the directory does not exist (no USB serial) */
	static Map<Path, Path> scan(Path directory) {
		Map<Path, Path> links = new HashMap<>();
		if (!Files.isDirectory(directory)) {
			return links;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path link : entries) {
				links.put(realPath(link), link);
			}
		} catch (IOException e) {
			// a port that vanishes while we list is not an error: it is simply absent
		}
		return links;
	}

	static Path realPath(Path path) {
		try {
			return path.toRealPath();
		} catch (IOException e) {
			return path.toAbsolutePath().normalize();
		}
	}
}
