/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/**
 * {@link DeviceRegistry#awaitOnline}: waits until mDNS announces the device, meanwhile probing the IP addresses it had
 * or was registered with every {@link #PROBE_INTERVAL}; a device that answers a probe is online. The time-out names
 * the interfaces mDNS watched and the addresses that were tried.
 */
final class OnlineWaiter {

	static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
	static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
	/** The longest wait between two looks at the monitor's cancellation. */
	private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	/** The registry as the waiter sees it; each method holds the registry's lock throughout. */
	interface Registry {
		/** @return the device if mDNS announces it now, else no device and the addresses to probe */
		Sighting sight(DeviceId id);

		/** Lists the device as online: it answered at {@code answered}. */
		Device markOnline(DeviceId id, InetSocketAddress answered);

		/**
		 * Waits until the registry changes, at the latest until {@code wakeAt} ({@link System#nanoTime()}); returns at
		 * once if mDNS announces the device already.
		 */
		void awaitChange(DeviceId id, long wakeAt) throws InterruptedException;
	}

	/** What the registry shows of a device now: announced over mDNS, or else the addresses to probe. */
	record Sighting(Optional<Device> announced, List<InetSocketAddress> addresses) {
	}

	private final Registry registry;
	private final IMdnsMonitor mdns;

	OnlineWaiter(Registry registry, IMdnsMonitor mdns) {
		this.registry = registry;
		this.mdns = mdns;
	}

	Device await(DeviceId id, Duration timeout, IProgressMonitor monitor) throws OnrampException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long nextProbe = System.nanoTime();
		Set<InetSocketAddress> tried = new LinkedHashSet<>();
		while (true) {
			// announced now, or answering now: an earlier probe says nothing about a device that was reset since
			Sighting sighting = registry.sight(id);
			if (sighting.announced().isPresent()) {
				return sighting.announced().get();
			}
			List<InetSocketAddress> candidates = sighting.addresses();
			if (monitor != null && monitor.isCanceled()) {
				throw OnrampException.of(FailureReason.CANCELLED);
			}
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				tried.addAll(candidates);
				throw timedOut(id, timeout, tried);
			}
			if (now - nextProbe >= 0) {
				for (InetSocketAddress candidate : candidates) {
					tried.add(candidate);
					Duration left = Duration.ofNanos(deadline - System.nanoTime());
					if (!left.isNegative() && ReachabilityProbe.answers(candidate, min(PROBE_TIMEOUT, left))) {
						return registry.markOnline(id, candidate);
					}
				}
				nextProbe = System.nanoTime() + PROBE_INTERVAL.toNanos();
			}
			try {
				registry.awaitChange(id, Math.min(Math.min(deadline, nextProbe), System.nanoTime() + MAX_WAIT_NANOS));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw OnrampException.of(FailureReason.CANCELLED);
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private OnrampException timedOut(DeviceId id, Duration timeout, Set<InetSocketAddress> tried) {
		String name = id.value();
		String interfaces = String.join(", ", mdns.interfaceNames()); //$NON-NLS-1$
		String message = name + " did not come online within " + timeout.toSeconds() + " s" //$NON-NLS-1$ //$NON-NLS-2$
				+ (interfaces.isEmpty() ? "" : " (watching mDNS on " + interfaces + ")") + "."; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
		String hint;
		if (tried.isEmpty()) {
			hint = "Check that the device joined the Wi-Fi network and that this computer is on the same network;" //$NON-NLS-1$
					+ " if you know the device's IP address, use it instead of its .local name."; //$NON-NLS-1$
		} else {
			hint = "Try the device's IP address: " + tried.stream().map(OnlineWaiter::url) //$NON-NLS-1$
					.collect(Collectors.joining(", ")) //$NON-NLS-1$
					+ " (it did not answer there either: check that the device is powered and on this network)."; //$NON-NLS-1$
		}
		return new OnrampException(FailureReason.TIMEOUT, message, hint);
	}

	private static String url(InetSocketAddress address) {
		String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
		return switch (address.getPort()) {
		case 443 -> "https://" + host + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		case 80 -> "http://" + host + "/"; //$NON-NLS-1$ //$NON-NLS-2$
		default -> host + ":" + address.getPort(); //$NON-NLS-1$
		};
	}
}
