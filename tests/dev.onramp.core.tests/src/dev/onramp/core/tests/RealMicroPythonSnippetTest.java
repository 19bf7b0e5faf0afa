/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.snippets.Sample;
import dev.onramp.core.repl.snippets.SnippetCatalog;

/**
 * Every snippet the product sends to a board runs on MicroPython itself (1.27, WebAssembly, through its raw REPL),
 * and the check does fail on code that only CPython accepts.
 */
class RealMicroPythonSnippetTest {

	private static final long SAMPLE_TIMEOUT_MS = 10_000;

	@Test
	void everySnippetOfTheCatalogRunsOnMicroPython() throws Exception {
		List<Sample> samples = SnippetCatalog.samples();
		List<MicroPythonCheck.Result> results = MicroPythonCheck.run("catalog", samples, SAMPLE_TIMEOUT_MS); //$NON-NLS-1$

		String failures = results.stream().filter(r -> !r.passed()).map(MicroPythonCheck.Result::describe)
				.collect(Collectors.joining("\n\n")); //$NON-NLS-1$
		assertEquals("", failures, "samples that failed on MicroPython 1.27"); //$NON-NLS-1$ //$NON-NLS-2$
		assertTrue(samples.size() >= SnippetCatalog.fileSamples().size());
	}

	@Test
	void theBinaryReceiverAcknowledgesEveryPieceAndPrintsTheHashOfWhatItRead() throws Exception {
		List<MicroPythonCheck.Result> readers = MicroPythonCheck
				.run("receiver", SnippetCatalog.fileSamples(), SAMPLE_TIMEOUT_MS).stream() //$NON-NLS-1$
				.filter(r -> r.stdinBytes() > 0).toList();

		assertEquals(1, readers.size(), "one file snippet reads sys.stdin.buffer: the receiver"); //$NON-NLS-1$
		MicroPythonCheck.Result receiver = readers.get(0);
		assertTrue(receiver.passed(), receiver::describe);
		long pieces = (receiver.stdinBytes() + 1023) / 1024;
		assertEquals("\u0006".repeat((int) pieces + 1) + receiver.stdinSha256() + "\n", receiver.stdout(), //$NON-NLS-1$ //$NON-NLS-2$
				"a ready ACK, one ACK per KB, then the SHA-256 of exactly the bytes it read"); //$NON-NLS-1$
	}

	@Test
	void aCPythonOnlyIdiomIsReportedAsFailed() throws Exception {
		List<Sample> samples = List.of(
				Sample.clean("negative", "str.removeprefix exists only in CPython 3.9+", //$NON-NLS-1$ //$NON-NLS-2$
						"print('pydirect-b2c3'.removeprefix('pydirect-'))"), //$NON-NLS-1$
				new Sample("negative", "a snippet that runs cleanly where an error is expected", "print(1)", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						Optional.of("OSError")), //$NON-NLS-1$
				new Sample("negative", "the wrong exception", "import os\nos.stat('/missing')", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						Optional.of("ValueError")), //$NON-NLS-1$
				Sample.clean("negative", "a clean sample after failures still runs", "print('still here')")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		List<MicroPythonCheck.Result> results = MicroPythonCheck.run("negative", samples, SAMPLE_TIMEOUT_MS); //$NON-NLS-1$

		assertFalse(results.get(0).passed(), results.get(0)::describe);
		assertEquals("AttributeError", results.get(0).errorType()); //$NON-NLS-1$
		assertTrue(results.get(0).traceback().contains("'str' object has no attribute 'removeprefix'"), //$NON-NLS-1$
				results.get(0)::describe);
		assertFalse(results.get(1).passed(), results.get(1)::describe);
		assertFalse(results.get(2).passed(), results.get(2)::describe);
		assertEquals("OSError", results.get(2).errorType()); //$NON-NLS-1$
		assertTrue(results.get(3).passed(), results.get(3)::describe);
		assertEquals("still here\n", results.get(3).stdout()); //$NON-NLS-1$
	}

	@Test
	void aSnippetThatNeverEndsFailsAtItsBound() throws Exception {
		List<Sample> samples = List.of(Sample.clean("endless", "waits forever", "while True:\n pass"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Sample.clean("endless", "after it", "print(1)"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				Sample.clean("other", "another group", "print(2)")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

		List<MicroPythonCheck.Result> results = MicroPythonCheck.run("endless", samples, 1000); //$NON-NLS-1$

		assertEquals("timeout", results.get(0).outcome(), results.get(0)::describe); //$NON-NLS-1$
		assertEquals("not-run", results.get(1).outcome(), results.get(1)::describe); //$NON-NLS-1$
		assertTrue(results.get(2).passed(), "the next group starts a fresh MicroPython"); //$NON-NLS-1$
	}
}
