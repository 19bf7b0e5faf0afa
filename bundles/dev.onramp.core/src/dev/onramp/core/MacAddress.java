/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A 48-bit hardware address, the most stable identity an ESP32-class device has. */
public final class MacAddress {

	private static final Pattern SEPARATED = Pattern.compile("\\p{XDigit}{2}([:-]\\p{XDigit}{2}){5}"); //$NON-NLS-1$
	private static final Pattern PLAIN = Pattern.compile("\\p{XDigit}{12}"); //$NON-NLS-1$
	private static final String PYDIRECT_PREFIX = "pydirect"; //$NON-NLS-1$

	private final byte[] octets;

	private MacAddress(byte[] octets) {
		this.octets = octets;
	}

	/** @param octets exactly six bytes */
	public static MacAddress of(byte[] octets) {
		if (octets == null || octets.length != 6) {
			throw new IllegalArgumentException("A MAC address has 6 octets"); //$NON-NLS-1$
		}
		return new MacAddress(octets.clone());
	}

	/**
	 * Parses {@code aa:bb:cc:dd:ee:ff}, {@code AA-BB-CC-DD-EE-FF} or {@code aabbccddeeff}.
	 *
	 * @throws IllegalArgumentException if the text is none of these forms
	 */
	public static MacAddress parse(String text) {
		String trimmed = text == null ? "" : text.trim(); //$NON-NLS-1$
		String hex;
		if (SEPARATED.matcher(trimmed).matches()) {
			hex = trimmed.replace(":", "").replace("-", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		} else if (PLAIN.matcher(trimmed).matches()) {
			hex = trimmed;
		} else {
			throw new IllegalArgumentException("Not a MAC address: '" + trimmed + "'"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		return new MacAddress(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
	}

	public byte[] octets() {
		return octets.clone();
	}

	/**
	 * @return the host name pyDirect firmware announces: {@code pydirect-} and the last two octets in lower-case
	 *         hex, for example {@code pydirect-e5f6} for {@code a1:b2:c3:d4:e5:f6}
	 */
	public String pyDirectHostname() {
		return hostname(PYDIRECT_PREFIX);
	}

	/**
	 * @return pyDirect's rule for a board without a configured name (lib/sys/network/wifi.py), in lower case as its
	 *         installer stores it: {@code <prefix>-} and the last two octets in hex
	 */
	public String hostname(String prefix) {
		return (prefix + "-" + HexFormat.of().formatHex(octets, 4, 6)).toLowerCase(Locale.ROOT); //$NON-NLS-1$
	}

	/** @return lower-case, colon separated: {@code a1:b2:c3:d4:e5:f6} */
	@Override
	public String toString() {
		return HexFormat.ofDelimiter(":").formatHex(octets); //$NON-NLS-1$
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof MacAddress other && Arrays.equals(octets, other.octets);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(octets);
	}
}
