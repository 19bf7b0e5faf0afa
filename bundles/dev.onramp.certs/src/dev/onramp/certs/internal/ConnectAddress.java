/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.discovery.IHostResolver;

/**
 * Where a TLS check connects. An address the caller gave wins; otherwise the system resolver answers; and for a
 * {@code .local} name it does not know (Linux without nss-mdns, containers, CI) multicast DNS answers, when a
 * {@link IHostResolver} is installed. The name itself stays what SNI and the host name check use.
 */
public final class ConnectAddress {

	/** The operating system's resolver: {@code InetAddress::getByName}, or a fake in tests. */
	@FunctionalInterface
	public interface SystemResolver {
		InetAddress lookup(String host) throws UnknownHostException;
	}

	/** An mDNS answer comes within milliseconds; the bound leaves room for two retransmissions (at 1 s and 3 s). */
	static final Duration MDNS_BOUND = Duration.ofSeconds(5);
	private static final String LOCAL_SUFFIX = ".local"; //$NON-NLS-1$

	/** The address to connect to, or why there is none. */
	record Choice(Optional<InetAddress> address, String failure) {

		boolean resolved() {
			return failure == null;
		}
	}

	private final SystemResolver system;
	private final Supplier<IHostResolver> mdns;

	/**
	 * @param system the system resolver
	 * @param mdns   supplies the mDNS resolver currently installed, or {@code null} when there is none
	 */
	public ConnectAddress(SystemResolver system, Supplier<IHostResolver> mdns) {
		this.system = system;
		this.mdns = mdns;
	}

	Choice choose(String host, Optional<InetAddress> given, Duration timeout) {
		if (given.isPresent()) {
			return new Choice(given, null);
		}
		try {
			return new Choice(Optional.of(system.lookup(host)), null);
		} catch (UnknownHostException e) {
			return isLocalName(host) ? overMdns(host, timeout)
					: new Choice(Optional.empty(), NLS.bind(Messages.TlsProbe_unresolved, host));
		}
	}

	private Choice overMdns(String host, Duration timeout) {
		IHostResolver resolver = mdns.get();
		if (resolver == null) {
			return new Choice(Optional.empty(), NLS.bind(Messages.ConnectAddress_noMdns, host));
		}
		try {
			List<InetAddress> found = resolver.resolve(host, timeout.compareTo(MDNS_BOUND) < 0 ? timeout : MDNS_BOUND);
			// an IPv6 answer carries no interface scope, which a link-local address needs: IPv4 first
			Optional<InetAddress> preferred = found.stream().filter(Inet4Address.class::isInstance).findFirst()
					.or(() -> found.stream().findFirst());
			if (preferred.isPresent()) {
				return new Choice(preferred, null);
			}
		} catch (OnrampException e) {
			if (e.reason() != FailureReason.TIMEOUT) {
				return new Choice(Optional.empty(), NLS.bind(Messages.ConnectAddress_mdnsFailed, host, e.getMessage()));
			}
		}
		return new Choice(Optional.empty(), NLS.bind(Messages.ConnectAddress_unresolved, host));
	}

	static boolean isLocalName(String host) {
		return host.toLowerCase(Locale.ROOT).endsWith(LOCAL_SUFFIX) && host.length() > LOCAL_SUFFIX.length();
	}
}
