/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.reprovision.tests;

import java.io.IOException;
import java.net.NetworkInterface;
import java.util.concurrent.TimeUnit;

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

	/**
	 * Linux's {@code lo} has no MULTICAST flag by default; as root the set-up turns it on ({@code ip link set lo
	 * multicast on}). Where that is impossible the blessing still works, through the IP fallback.
	 *
	 * @return whether mDNS can run on loopback
	 */
	static boolean loopbackMulticast() {
		try {
			NetworkInterface lo = NetworkInterface.getByName("lo");
			if (lo == null) {
				return false;
			}
			if (lo.supportsMulticast()) {
				return true;
			}
			Process process = new ProcessBuilder("ip", "link", "set", "lo", "multicast", "on").redirectErrorStream(true)
					.start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return NetworkInterface.getByName("lo").supportsMulticast();
		} catch (IOException e) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
