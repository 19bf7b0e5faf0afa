/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Server identity check for HTTPS (RFC 6125, RFC 9110 4.3.4): DNS names match a DNS subject alternative name
 * exactly or through a wildcard that stands for exactly one whole left-most label; address literals match an IP
 * subject alternative name. The common name is not consulted, as browsers no longer do.
 */
final class HostnameMatcher {

	private static final int DNS_NAME = 2;
	private static final int IP_ADDRESS = 7;

	private HostnameMatcher() {
	}

	static boolean matches(X509Certificate certificate, String host) {
		Collection<List<?>> names;
		try {
			names = certificate.getSubjectAlternativeNames();
		} catch (CertificateParsingException e) {
			return false;
		}
		if (names == null) {
			return false;
		}
		boolean literal = TlsProbe.isAddressLiteral(host);
		for (List<?> entry : names) {
			// otherName, x400Address and ediPartyName come as DER bytes, not text: never a host name
			if (!(entry.get(0) instanceof Integer kind) || !(entry.get(1) instanceof String value)) {
				continue;
			}
			int type = kind.intValue();
			if (literal ? type == IP_ADDRESS && sameAddress(host, value) : type == DNS_NAME && dnsMatch(value, host)) {
				return true;
			}
		}
		return false;
	}

	static boolean dnsMatch(String pattern, String host) {
		String name = trimDot(host.toLowerCase(Locale.ROOT));
		String expected = trimDot(pattern.toLowerCase(Locale.ROOT));
		if (!expected.startsWith("*.")) { //$NON-NLS-1$
			return expected.equals(name);
		}
		int firstDot = name.indexOf('.');
		return firstDot > 0 && name.substring(firstDot).equals(expected.substring(1))
				&& expected.indexOf('.', 2) > 0; // never "*.tld"
	}

	private static boolean sameAddress(String host, String value) {
		try {
			return InetAddress.getByName(host).equals(InetAddress.getByName(value));
		} catch (UnknownHostException e) {
			return false; // both are literals, so this means malformed
		}
	}

	private static String trimDot(String name) {
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name; //$NON-NLS-1$
	}
}
