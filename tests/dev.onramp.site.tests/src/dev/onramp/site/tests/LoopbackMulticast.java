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

import org.junit.jupiter.api.Assumptions;

/**
 * mDNS in product tests runs on loopback only, which has no MULTICAST flag by default on Linux. As root (CI) the
 * flag is turned on here with {@code ip link set lo multicast on}; elsewhere the test is skipped with the reason.
 */
final class LoopbackMulticast {

	private LoopbackMulticast() {
	}

	static void enableOrSkip() throws SocketException {
		NetworkInterface lo = NetworkInterface.getByName("lo");
		Assumptions.assumeTrue(lo != null, "This machine has no loopback interface named lo");
		if (lo.supportsMulticast()) {
			return;
		}
		String outcome = run("ip", "link", "set", "lo", "multicast", "on");
		Assumptions.assumeTrue(NetworkInterface.getByName("lo").supportsMulticast(),
				"Skipped: loopback has no multicast and 'ip link set lo multicast on' failed (" + outcome
						+ "); run it once as root, or run the tests as root");
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
