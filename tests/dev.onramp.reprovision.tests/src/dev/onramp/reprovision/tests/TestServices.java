/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.reprovision.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.provisioning.internal.bless.Reprovisioner;

/** The real services as DS wires them, and loopback multicast for mDNS where the machine allows it. */
final class TestServices {

	private TestServices() {
	}

	static <T> T service(Class<T> type) {
		return service(type, null);
	}

	static <T> T service(Class<T> type, String filter) {
		BundleContext context = FrameworkUtil.getBundle(Reprovisioner.class).getBundleContext();
		try {
			ServiceTracker<T, T> tracker = filter == null ? new ServiceTracker<>(context, type, null)
					: new ServiceTracker<>(context,
							context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
			tracker.open();
			T service = tracker.waitForService(10_000);
			if (service == null) {
				throw new IllegalStateException("No " + type.getSimpleName() + " service");
			}
			return service;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} catch (InvalidSyntaxException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** Skips the calling test when loopback has no multicast, or fails it on CI ({@code CI=true}, run as root). */
	static void requireLoopbackMulticast() {
		enableLoopbackMulticast().ifPresent(TestServices::unavailable);
	}

	/** For a test that relies on a connection to this port of 127.0.0.1 being refused. */
	static void requireNothingListensOn(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			unavailable("Something on this machine listens on 127.0.0.1:" + port);
		} catch (IOException e) {
			// refused: as the test needs
		}
	}

	private static void unavailable(String reason) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI=true, and this prerequisite is missing: " + reason);
		}
		Assumptions.abort("Skipped: " + reason);
	}

	/**
	 * Linux's {@code lo} has no MULTICAST flag by default; as root the set-up turns it on ({@code ip link set lo
	 * multicast on}). Where that is impossible the blessing still works, through the IP fallback.
	 *
	 * @return why loopback multicast is off, or nothing when it is on (turned on here if need be)
	 */
	private static Optional<String> enableLoopbackMulticast() {
		try {
			NetworkInterface lo = NetworkInterface.getByName("lo");
			if (lo == null) {
				return Optional.of("This machine has no loopback interface named lo");
			}
			if (lo.supportsMulticast()) {
				return Optional.empty();
			}
			Process process = new ProcessBuilder("ip", "link", "set", "lo", "multicast", "on").redirectErrorStream(true)
					.start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return Optional.of("'ip link set lo multicast on' timed out");
			}
			return NetworkInterface.getByName("lo").supportsMulticast() ? Optional.empty()
					: Optional.of("Loopback has no multicast and 'ip link set lo multicast on' failed (exit "
							+ process.exitValue() + "); run it once as root, or run the tests as root");
		} catch (IOException e) {
			return Optional.of("Cannot turn multicast on for loopback: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted");
		}
	}
}
