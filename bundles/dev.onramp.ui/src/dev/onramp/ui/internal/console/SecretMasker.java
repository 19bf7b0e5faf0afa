/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets before text reaches a console: the values scenarios registered (a proof of possession, a Wi-Fi
 * password) wherever they appear, and the values of well-known secret keys in what boards and tools print
 * ({@code wifi.password = ...}, {@code "pop":"..."} in a provisioning QR payload, {@code password=...},
 * {@code settings.set('wifi.password', '...')}). Masking too much is the safe side: a console is for reading what
 * happens, never for reading secrets back.
 */
public final class SecretMasker {

	/** What a console shows in place of a secret. */
	public static final String MASK = "******"; //$NON-NLS-1$

	private static final String KEYS = "(?:[\\w.]*password|passwd|passphrase|psk|pop|secret)"; //$NON-NLS-1$
	/** {@code "password": "value"} and {@code 'pop':'value'}: JSON and Python dictionaries. */
	private static final Pattern QUOTED_KEY = Pattern.compile(
			"([\"']" + KEYS + "[\"']\\s*:\\s*)(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE); //$NON-NLS-1$ //$NON-NLS-2$
	/** {@code settings.set('wifi.password', 'value')}: a key given as the argument before its value. */
	private static final Pattern KEY_ARGUMENT = Pattern.compile(
			"([\"']" + KEYS + "[\"']\\s*,\\s*)(\"[^\"]*\"|'[^']*')", Pattern.CASE_INSENSITIVE); //$NON-NLS-1$ //$NON-NLS-2$
	/** {@code password=value}, {@code wifi.password: value}, {@code PoP = "value"}. */
	private static final Pattern BARE_KEY = Pattern.compile(
			"(\\b" + KEYS + "\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&}]+)", Pattern.CASE_INSENSITIVE); //$NON-NLS-1$ //$NON-NLS-2$
	private static final List<Pattern> PATTERNS = List.of(QUOTED_KEY, KEY_ARGUMENT, BARE_KEY);

	private final Set<String> secrets = ConcurrentHashMap.newKeySet();

	/** @param secret masked from now on; {@code null} or empty is ignored */
	public void add(String secret) {
		if (secret != null && !secret.isEmpty()) {
			secrets.add(secret);
		}
	}

	/** @return {@code text} with every registered secret and every value of a well-known secret key masked */
	public String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = text;
		// the longest first, so a secret that contains another one is hidden whole
		for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			masked = masked.replace(secret, MASK);
		}
		for (Pattern pattern : PATTERNS) {
			masked = maskValues(pattern, masked);
		}
		return masked;
	}

	private static String maskValues(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			String value = matcher.group(2);
			if (value.contains(MASK)) {
				matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
				continue;
			}
			char first = value.charAt(0);
			String replacement = first == '"' || first == '\'' ? first + MASK + first : MASK;
			matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
