/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The system property that adds directories of links to pseudo-terminals to the ports the service lists. */
class PortScannerLinkDirectoriesTest {

	@Test
	void noPropertyMeansNoExtraDirectories() {
		assertEquals(List.of(), PortScanner.linkDirectories(null));
		assertEquals(List.of(), PortScanner.linkDirectories(" "));
	}

	@Test
	void directoriesAreSeparatedByThePathSeparatorAndBlanksIgnored() {
		String property = "/tmp/boards" + File.pathSeparator + File.pathSeparator + " /srv/ports ";
		assertEquals(List.of(Path.of("/tmp/boards"), Path.of("/srv/ports")), PortScanner.linkDirectories(property));
	}
}
