/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.PythonLiteral;
import dev.onramp.core.repl.ReplacedFile;
import dev.onramp.core.tests.MicroPythonCheck;
import dev.onramp.core.tests.MicroPythonCheck.Result;

/**
 * The replacement's snippets do on MicroPython what the product relies on: the stage snippet prints the
 * SHA-256 of exactly what it wrote (or, without the hash, the content read back), the swap leaves the targets and
 * nothing else, and an interrupted swap's backup is restored by the next stage's prelude.
 */
class ReplaceSnippetsOnMicroPythonTest {

	@Test
	void theStagedFilesAreCheckedAndSwappedInOnMicroPython() throws Exception {
		Map<String, Result> results = MicroPythonCheck.run("replace", ReplaceSnippetSamples.all(), 10_000).stream() //$NON-NLS-1$
				.collect(Collectors.toMap(Result::name, Function.identity()));
		for (Result result : results.values()) {
			assertTrue(result.passed(), result::describe);
		}
		assertStaged(results.get("stage 1 with mkdir"), ReplaceSnippetSamples.pair(1)); //$NON-NLS-1$
		assertStaged(results.get("stage 2"), ReplaceSnippetSamples.pair(2)); //$NON-NLS-1$
		assertStaged(results.get("roll back and stage 3"), ReplaceSnippetSamples.pair(3)); //$NON-NLS-1$
		assertEquals(sorted("servercert.pem", "prvtkey.pem"), names(results.get("look after 1"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(sorted("servercert.pem.o", "prvtkey.pem"), names(results.get("look at the interrupted swap"))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals(sorted("servercert.pem", "prvtkey.pem"), names(results.get("look after 3")), "no staged file nor backup left"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		// MicroPython's b2a_base64 ends each line with a line feed and pads the last: the rebuilt files are the PEM
		assertStaged(results.get("rebuild strict PEM from its DER"), ReplaceSnippetSamples.strictPair()); //$NON-NLS-1$
		String readBack = results.get("stage binary, read back").stdout().strip(); //$NON-NLS-1$
		assertArrayEquals(ReplaceSnippetSamples.binary(), (byte[]) PythonLiteral.parse(readBack));
	}

	private static Set<String> sorted(String... names) {
		return new TreeSet<>(List.of(names));
	}

	private static Set<String> names(Result look) {
		TreeSet<String> names = new TreeSet<>();
		for (Object name : (List<?>) PythonLiteral.parse(look.stdout().strip())) {
			names.add((String) name);
		}
		return names;
	}

	private static void assertStaged(Result stage, List<ReplacedFile> files) throws Exception {
		String[] lines = stage.stdout().strip().split("\n"); //$NON-NLS-1$
		assertEquals(files.size(), lines.length, stage.stdout());
		for (int i = 0; i < files.size(); i++) {
			byte[] content = files.get(i).content();
			assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content), (byte[]) PythonLiteral.parse(lines[i])); //$NON-NLS-1$
		}
	}
}
