/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.secrets;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Unique secret values, and a search for each of them in the forms a leak takes: the bytes themselves, hex (both
 * cases), Base64 and Base64url at each of the three byte alignments (so a secret inside a longer encoded value is
 * found too), URL encoding and JSON's {@code \}{@code u00XX} escapes. A failure names the kind of secret, the form and
 * where, never the value.
 */
final class Canaries {

	private record Form(String kind, String encoding, byte[] bytes) {
	}

	private final List<Form> forms = new ArrayList<>();
	private final Map<String, byte[]> values = new LinkedHashMap<>();

	/**
	 * @return a new unique value for a secret of this kind, with characters that URL and JSON encodings change (a
	 *         space, {@code +}, {@code /}, {@code =}, {@code &}) and a random part
	 */
	String secret(String kind) {
		String value = "Ca nary+" + kind.replaceAll("[^A-Za-z]+", "") + "/=&" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				+ UUID.randomUUID().toString().replace("-", ""); //$NON-NLS-1$ //$NON-NLS-2$
		add(kind, value.getBytes(StandardCharsets.UTF_8));
		String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
		forms.add(new Form(kind, "URL encoding", url.getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$
		forms.add(new Form(kind, "URL encoding with %20", url.replace("+", "%20").getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		forms.add(new Form(kind, "JSON escapes", jsonEscaped(value, c -> !Character.isLetterOrDigit(c)) //$NON-NLS-1$
				.getBytes(StandardCharsets.US_ASCII)));
		forms.add(new Form(kind, "HTML-safe JSON escapes", jsonEscaped(value, c -> "<>&='\"\\".indexOf(c) >= 0) //$NON-NLS-1$ //$NON-NLS-2$
				.getBytes(StandardCharsets.US_ASCII)));
		return value;
	}

	/** Searches for a secret made elsewhere (a private key, for example) as these bytes and their encodings. */
	void add(String kind, byte[] value) {
		values.put(kind, value.clone());
		forms.add(new Form(kind, "plain", value.clone())); //$NON-NLS-1$
		forms.add(new Form(kind, "hex", HexFormat.of().formatHex(value).getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$
		forms.add(new Form(kind, "HEX", HexFormat.of().withUpperCase().formatHex(value) //$NON-NLS-1$
				.getBytes(StandardCharsets.US_ASCII)));
		for (int alignment = 0; alignment < 3; alignment++) {
			forms.add(new Form(kind, "Base64", base64Core(Base64.getEncoder(), value, alignment))); //$NON-NLS-1$
			forms.add(new Form(kind, "Base64url", base64Core(Base64.getUrlEncoder(), value, alignment))); //$NON-NLS-1$
		}
	}

	/** Also searches for this exact text as a form of an existing secret (a line of a PEM file, for example). */
	void addForm(String kind, String encoding, String text) {
		forms.add(new Form(kind, encoding, text.getBytes(StandardCharsets.UTF_8)));
	}

	/** @return the names ({@code kind as encoding}) of the forms found in the content */
	List<String> foundIn(byte[] content) {
		return forms.stream().filter(form -> indexOf(content, form.bytes()) >= 0)
				.map(form -> form.kind() + " as " + form.encoding()).distinct().toList(); //$NON-NLS-1$
	}

	/** @return the secret's bytes, to build test data that must be found */
	byte[] value(String kind) {
		return values.get(kind).clone();
	}

	void assertNotIn(String where, String text) {
		assertNotIn(where, text.getBytes(StandardCharsets.UTF_8));
	}

	void assertNotIn(String where, byte[] content) {
		List<String> found = foundIn(content);
		if (!found.isEmpty()) {
			fail("a secret appears in " + where + ": " + String.join(", ", found)); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** @return the files searched: every regular file under the folder that the filter accepts */
	List<Path> assertNotUnder(Path folder, Predicate<Path> filter) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile).filter(filter).toList();
		}
		for (Path file : files) {
			assertNotIn(file.toString(), Files.readAllBytes(file));
		}
		return files;
	}

	/**
	 * @return the Base64 characters that encode only the secret's bytes when it starts {@code alignment} bytes into a
	 *         3-byte group: the first and last group, which mix in neighbouring bytes, left out
	 */
	private static byte[] base64Core(Base64.Encoder encoder, byte[] value, int alignment) {
		byte[] shifted = new byte[alignment + value.length];
		System.arraycopy(value, 0, shifted, alignment, value.length);
		String encoded = encoder.withoutPadding().encodeToString(shifted);
		int from = alignment == 0 ? 0 : 4;
		int whole = (alignment + value.length) / 3 * 4; // characters of complete groups
		return encoded.substring(from, Math.max(from, whole)).getBytes(StandardCharsets.US_ASCII);
	}

	/** @return the value with the characters the filter picks written as JSON's {@code \}{@code u00XX} */
	private static String jsonEscaped(String value, Predicate<Character> escape) {
		StringBuilder escaped = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (!escape.test(Character.valueOf(c))) {
				escaped.append(c);
			} else {
				escaped.append(String.format(Locale.ROOT, "\\u%04x", Integer.valueOf(c))); //$NON-NLS-1$
			}
		}
		return escaped.toString();
	}

	private static int indexOf(byte[] content, byte[] secret) {
		if (secret.length == 0) {
			return -1;
		}
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
