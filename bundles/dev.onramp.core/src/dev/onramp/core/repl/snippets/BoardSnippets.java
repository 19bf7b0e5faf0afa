/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.util.List;

/**
 * The snippets that identify a board and change its settings: identity, MAC, pyDirect's settings
 * ({@code lib.sys.settings}), Wi-Fi, reset. Every snippet the product sends lives in this package.
 */
public final class BoardSnippets {

	private BoardSnippets() {
	}

	/** @return every snippet of this class with example arguments, for the check against a real MicroPython */
	public static List<Sample> samples() {
		return List.of();
	}
}
