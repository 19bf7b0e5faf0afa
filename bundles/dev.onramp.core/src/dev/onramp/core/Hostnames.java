/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for the multicast-DNS host names devices announce ({@code pydirect-e5f6.local}). */
public final class Hostnames {

	private static final String LOCAL_SUFFIX = ".local"; //$NON-NLS-1$
	/** One DNS label: letters, digits and inner hyphens, at most 63 characters (RFC 1123). */
	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"); //$NON-NLS-1$

	private Hostnames() {
	}

	/** @return the name in lower case without a trailing dot and without {@code .local} */
	public static String withoutLocalSuffix(String hostname) {
		String name = hostname.trim().toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) { //$NON-NLS-1$
			name = name.substring(0, name.length() - 1);
		}
		if (name.endsWith(LOCAL_SUFFIX)) {
			name = name.substring(0, name.length() - LOCAL_SUFFIX.length());
		}
		return name;
	}

	/** @return {@code <name>.local} for a bare name or a name that already ends in {@code .local} */
	public static String toLocal(String hostname) {
		return withoutLocalSuffix(hostname) + LOCAL_SUFFIX;
	}

	/** @return whether the name (without {@code .local}) is a single valid DNS label */
	public static boolean isValidDeviceHostname(String hostname) {
		return hostname != null && LABEL.matcher(withoutLocalSuffix(hostname)).matches();
	}
}
