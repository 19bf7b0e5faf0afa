/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What another process of this machine has open and runs, read from Linux's /proc the way {@code lsof} does. */
final class OpenFiles {

	private static final Path PROC = Path.of("/proc");

	private OpenFiles() {
	}

	/** @return whether the process has a file descriptor on {@code device} (a real path such as /dev/pts/3) */
	static boolean holds(long pid, Path device) {
		try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process(pid).resolve("fd"))) {
			for (Path descriptor : descriptors) {
				if (device.equals(target(descriptor))) {
					return true;
				}
			}
		} catch (IOException e) {
			// the process ended
		}
		return false;
	}

	/** @return the process's command name ({@code /proc/PID/comm}), empty once it ended */
	static String command(long pid) {
		try {
			return Files.readString(process(pid).resolve("comm")).strip();
		} catch (IOException e) {
			return "";
		}
	}

	private static Path process(long pid) {
		return PROC.resolve(Long.toString(pid));
	}

	private static Path target(Path descriptor) {
		try {
			return Files.readSymbolicLink(descriptor);
		} catch (IOException e) {
			return null;
		}
	}
}
