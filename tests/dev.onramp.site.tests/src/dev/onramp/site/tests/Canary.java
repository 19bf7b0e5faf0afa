/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Unique secret values and a search for them, byte for byte, in outputs and files. A failure names the kind of
 * secret and where it was found, never its value.
 */
final class Canary {

	private final Map<String, byte[]> secrets = new LinkedHashMap<>();

	/** @return a new unique value for a secret of this kind, remembered for the search */
	String secret(String kind) {
		String value = kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + "-" + UUID.randomUUID();
		add(kind, value.getBytes(StandardCharsets.UTF_8));
		return value;
	}

	/** Also searches for a secret made elsewhere (a private key, for example), as these bytes. */
	void add(String kind, byte[] value) {
		secrets.put(kind + " #" + (secrets.size() + 1), value.clone());
	}

	/** @return whether any secret is in the bytes: lets a test show that the search finds what is there */
	boolean foundIn(byte[] content) {
		return secrets.values().stream().anyMatch(secret -> indexOf(content, secret) >= 0);
	}

	void assertNotIn(String where, String text) {
		assertNotIn(where, text.getBytes(StandardCharsets.UTF_8));
	}

	void assertNotIn(String where, byte[] content) {
		secrets.forEach((kind, secret) -> assertFalse(indexOf(content, secret) >= 0,
				() -> "the " + kind + " appears in " + where));
	}

	/** @return the files searched: every regular file under the folder, if it exists */
	List<Path> assertNotUnder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile).toList();
		}
		for (Path file : files) {
			assertNotIn(file.toString(), Files.readAllBytes(file));
		}
		return files;
	}

	private static int indexOf(byte[] content, byte[] secret) {
		outer: for (int i = 0; i <= content.length - secret.length; i++) {
			for (int j = 0; j < secret.length; j++) {
				if (content[i + j] != secret[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
