/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

/** How a session sends code to the raw REPL. */
public enum ExecMode {
	/** {@code Ctrl-E A Ctrl-A}: flow-controlled windows; the device compiles while it receives. */
	RAW_PASTE,
	/** Code then {@code Ctrl-D}: for firmware without raw-paste (MicroPython before 1.14) or when disabled. */
	PLAIN_RAW
}
