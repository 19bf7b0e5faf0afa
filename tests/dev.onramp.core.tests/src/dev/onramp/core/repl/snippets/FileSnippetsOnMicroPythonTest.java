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

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.onramp.core.repl.PythonLiteral;
import dev.onramp.core.tests.MicroPythonCheck;
import dev.onramp.core.tests.MicroPythonCheck.Result;

/**
 * The file snippets do on MicroPython what the product relies on: what the base64 lines wrote is what the device
 * hashes and what it reads back, in one snippet or piece by piece.
 */
class FileSnippetsOnMicroPythonTest {

	@Test
	void theDeviceHashesAndReadsBackExactlyWhatTheBase64LinesWrote() throws Exception {
		Map<String, Result> results = MicroPythonCheck.run("files", FileSnippetSamples.all(), 10_000).stream() //$NON-NLS-1$
				.filter(r -> r.group().equals(FileSnippetSamples.BASE64_GROUP))
				.collect(Collectors.toMap(Result::name, Function.identity()));
		byte[] content = FileSnippetSamples.exampleContent();
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)); //$NON-NLS-1$

		assertEquals(sha256 + "\n", results.get("hash the temporary file in one snippet").stdout()); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(sha256 + "\n", results.get("finish the hash").stdout(), "the hash in pieces"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		for (String name : List.of("read base64 lines", "read the last base64 line")) { //$NON-NLS-1$ //$NON-NLS-2$
			for (String line : results.get(name).stdout().split("\n")) { //$NON-NLS-1$
				read.writeBytes(Base64.getDecoder().decode(line));
			}
		}
		assertArrayEquals(content, read.toByteArray());
		// read as the product reads them: a regular file (no 0x4000 bit) of that size, as field 6
		List<?> stat = (List<?>) PythonLiteral.parse(results.get("stat the file").stdout()); //$NON-NLS-1$
		assertEquals(0, ((Long) stat.get(0)).longValue() & 0x4000);
		assertEquals(Long.valueOf(content.length), stat.get(6));
		List<?> entries = (List<?>) PythonLiteral.parse(results.get("list the directory").stdout()); //$NON-NLS-1$
		assertEquals("main.py", ((List<?>) entries.get(0)).get(0)); //$NON-NLS-1$
		assertEquals(1, entries.size());
	}
}
