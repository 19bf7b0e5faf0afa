/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * mDNS in product tests runs on loopback only, which has no MULTICAST flag by default on Linux. As root (CI) the
 * flag is turned on here with {@code ip link set lo multicast on}; elsewhere the test is skipped with the reason. On
 * CI ({@code CI=true}) a missing prerequisite fails the test instead of skipping it: the mDNS path must run there.
 */
final class LoopbackMulticast {

	private LoopbackMulticast() {
	}

	static void enableOrSkip() throws SocketException {
		NetworkInterface lo = NetworkInterface.getByName("lo");
		if (lo == null) {
			unavailable("This machine has no loopback interface named lo");
		}
		if (lo.supportsMulticast()) {
			return;
		}
		String outcome = run("ip", "link", "set", "lo", "multicast", "on");
		if (!NetworkInterface.getByName("lo").supportsMulticast()) {
			unavailable("Loopback has no multicast and 'ip link set lo multicast on' failed (" + outcome
					+ "); run it once as root, or run the tests as root");
		}
	}

	/** Skips the test, or on CI fails it: there the prerequisite is part of the set-up. */
	static void unavailable(String reason) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI=true, and this prerequisite is missing: " + reason);
		}
		Assumptions.abort("Skipped: " + reason);
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "timed out";
			}
			return "exit " + process.exitValue() + ": "
					+ new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		} catch (IOException e) {
			return e.getMessage();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}
}
