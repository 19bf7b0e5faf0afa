/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.onramp.core.serial.PortAccess;

/** Whether this process may open a port, judged from its permissions without opening it. */
final class PortAccessProbe {

	private PortAccessProbe() {
	}

	static PortAccess probe(Path device) {
		if (!Files.exists(device)) {
			// Windows COM ports have no file; the driver decides at open time
			return PortAccess.UNKNOWN;
		}
		return Files.isReadable(device) && Files.isWritable(device) ? PortAccess.AVAILABLE
				: PortAccess.PERMISSION_DENIED;
	}
}
