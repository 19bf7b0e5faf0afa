/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import java.util.ArrayList;
import java.util.List;

/** Every snippet the product sends to a board, with example arguments, for the check against a real MicroPython. */
public final class SnippetCatalog {

	private SnippetCatalog() {
	}

	/** @return the file snippets' samples, then the board snippets', then the replacement's */
	public static List<Sample> samples() {
		List<Sample> samples = new ArrayList<>(FileSnippetSamples.all());
		samples.addAll(BoardSnippetSamples.all());
		samples.addAll(ReplaceSnippetSamples.all());
		return List.copyOf(samples);
	}

	/** @return the file snippets' samples alone */
	public static List<Sample> fileSamples() {
		return FileSnippetSamples.all();
	}
}
