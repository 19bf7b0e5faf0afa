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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * The names the local CA may vouch for: {@code .local} multicast-DNS names, {@code localhost}, and private,
 * loopback and link-local addresses. One table feeds both the CA's critical name-constraints extension (what
 * browsers enforce) and the service's own refusal to issue, so the two cannot drift apart.
 */
public final class LocalNamePolicy {

	/** A dNSName constraint permits the name itself and every name below it (RFC 5280 4.2.1.10). */
	private static final List<String> PERMITTED_DNS = List.of("local", "localhost"); //$NON-NLS-1$ //$NON-NLS-2$
	private static final List<String> PERMITTED_NETWORKS = List.of( //
			"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", // RFC 1918 //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"169.254.0.0/16", "127.0.0.0/8", // link-local, loopback //$NON-NLS-1$ //$NON-NLS-2$
			"fc00::/7", "fe80::/10", "::1/128"); // unique local, link-local, loopback //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$

	private LocalNamePolicy() {
	}

	/** @return whether the CA may put this DNS name (wildcards included) in a certificate */
	public static boolean permitsDnsName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".")) { //$NON-NLS-1$
			lower = lower.substring(0, lower.length() - 1);
		}
		for (String permitted : PERMITTED_DNS) {
			if (lower.equals(permitted) || lower.endsWith("." + permitted)) { //$NON-NLS-1$
				return true;
			}
		}
		return false;
	}

	/** @return whether the CA may put this address in a certificate */
	public static boolean permitsAddress(InetAddress address) {
		byte[] bytes = address.getAddress();
		for (String network : PERMITTED_NETWORKS) {
			if (inNetwork(bytes, network)) {
				return true;
			}
		}
		return false;
	}

	/** @return the extension value for the CA certificate */
	static NameConstraints nameConstraints() {
		List<GeneralSubtree> permitted = new ArrayList<>();
		for (String dns : PERMITTED_DNS) {
			permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, dns)));
		}
		for (String network : PERMITTED_NETWORKS) {
			permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, network)));
		}
		return new NameConstraints(permitted.toArray(GeneralSubtree[]::new), null);
	}

	/** @return the permitted names, for messages */
	static String describe() {
		return "*.local, localhost, " + String.join(", ", PERMITTED_NETWORKS); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static boolean inNetwork(byte[] address, String cidr) {
		int slash = cidr.indexOf('/');
		byte[] network;
		try {
			network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e); // literals never need a lookup
		}
		if (network.length != address.length) {
			return false;
		}
		int prefix = Integer.parseInt(cidr.substring(slash + 1));
		for (int bit = 0; bit < prefix; bit++) {
			int mask = 0x80 >>> (bit % 8);
			if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}
}
