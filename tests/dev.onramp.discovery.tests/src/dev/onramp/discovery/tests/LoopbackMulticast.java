/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real mDNS in tests runs on loopback only. Linux's {@code lo} has no MULTICAST flag by default; as root the set-up
 * turns it on ({@code ip link set lo multicast on}, iproute2). Where that is impossible the tests are skipped with
 * the reason, never run on a real interface; on CI ({@code CI=true}, which runs as root) they fail instead, so that
 * the mDNS assertions cannot silently stop running there.
 */
final class LoopbackMulticast {

	private LoopbackMulticast() {
	}

	static void assumeAvailable() {
		try {
			NetworkInterface lo = NetworkInterface.getByName("lo"); //$NON-NLS-1$
			if (lo == null) {
				unavailable("This machine has no loopback interface named lo"); //$NON-NLS-1$
			}
			if (lo.supportsMulticast()) {
				return;
			}
			String outcome = enable();
			if (!NetworkInterface.getByName("lo").supportsMulticast()) { //$NON-NLS-1$
				unavailable("Loopback has no multicast and 'ip link set lo multicast on' failed (" + outcome //$NON-NLS-1$
						+ "); run it as root once, or run the tests as root"); //$NON-NLS-1$
			}
		} catch (SocketException e) {
			unavailable("Cannot inspect the loopback interface: " + e.getMessage()); //$NON-NLS-1$
		}
	}

	/** Skips the test, or on CI fails it: there the prerequisite is part of the set-up. */
	private static void unavailable(String reason) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) { //$NON-NLS-1$ //$NON-NLS-2$
			Assertions.fail("CI=true, and this prerequisite is missing: " + reason); //$NON-NLS-1$
		}
		Assumptions.abort("Skipped: " + reason); //$NON-NLS-1$
	}

	private static String enable() {
		try {
			Process process = new ProcessBuilder("ip", "link", "set", "lo", "multicast", "on") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
					.redirectErrorStream(true).start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "timed out"; //$NON-NLS-1$
			}
			String output = new String(process.getInputStream().readAllBytes()).trim();
			return "exit " + process.exitValue() + (output.isEmpty() ? "" : ": " + output); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		} catch (IOException e) {
			return e.getMessage();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted"; //$NON-NLS-1$
		}
	}
}
