/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/**
 * One provisioning's latency over SoftAP (HTTP on 127.0.0.1) for security 0, 1 and 2, in process: the session
 * (proto-ver and handshake) and the whole provisioning to Connected, median and p95 of N runs after a warm-up, each
 * against a fresh simulated device started outside the clock. The simulated device reports Connecting on the first
 * status poll and Connected on the second, so every total includes one client poll interval. A program, not a test:
 * {@code LatencyFigures [runs]} (default 30) prints {@code FIGURE} lines.
 */
public final class LatencyFigures {

	private static final String SSID = "BenchNet"; //$NON-NLS-1$
	private static final String PASSWORD = "bench-password-1"; //$NON-NLS-1$
	private static final String POP = "abcd1234"; //$NON-NLS-1$

	private final ProtocommProvisioner provisioner = new ProtocommProvisioner();

	private LatencyFigures() {
	}

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		new LatencyFigures().run(runs);
	}

	private void run(int runs) throws Exception {
		for (int security = 0; security <= 2; security++) {
			for (int i = 0; i < 5; i++) {
				once(security); // warm-up: class loading, JIT, the security providers
			}
			long[] session = new long[runs];
			long[] total = new long[runs];
			for (int i = 0; i < runs; i++) {
				long[] split = once(security);
				session[i] = split[0];
				total[i] = split[1];
			}
			String key = "latency.sec" + security; //$NON-NLS-1$
			String what = String.format(Locale.ROOT, "security %d over SoftAP, in process, n=%d", //$NON-NLS-1$
					Integer.valueOf(security), Integer.valueOf(runs));
			figures(key + ".session", session, what + ": proto-ver + handshake"); //$NON-NLS-1$
			figures(key + ".total", total, what + ": to Connected (includes one 250 ms status poll)"); //$NON-NLS-1$
		}
	}

	private static void figures(String key, long[] nanos, String description) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		figure(key + ".median", percentile(sorted, 50), "median, " + description); //$NON-NLS-1$ //$NON-NLS-2$
		figure(key + ".p95", percentile(sorted, 95), "p95, " + description); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static void figure(String key, long nanos, String description) {
		System.out.println(String.format(Locale.ROOT, "FIGURE %s %.1f ms %s", key, Double.valueOf(nanos / 1e6), //$NON-NLS-1$
				description));
	}

	/** Nearest-rank percentile of sorted values. */
	private static long percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/** @return {nanoseconds to an open session, nanoseconds to Connected} */
	private long[] once(int security) throws Exception {
		ProtocommDeviceConfig.Builder config = ProtocommDeviceConfig.builder().security(security)
				.network(SSID, PASSWORD).extraVisibleNetworks(4);
		if (security > 0) {
			config.pop(POP);
		}
		try (SimulatedProtocommDevice device = SimulatedProtocommDevice.start(config.build())) {
			ProvisioningTarget target = new ProvisioningTarget(device.endpoint(), "auto", null, //$NON-NLS-1$
					security == 0 ? Optional.empty() : Optional.of(Secret.of(POP)), Duration.ofSeconds(30));
			long start = System.nanoTime();
			try (IProtocommSession session = provisioner.open(target, null)) {
				long opened = System.nanoTime();
				ProtocommOutcome outcome = session.provision(new WifiCredentials(SSID, Secret.of(PASSWORD)),
						new NullProgressMonitor());
				long done = System.nanoTime();
				if (!outcome.confirmed()) {
					throw new IllegalStateException("security " + security + ": not confirmed"); //$NON-NLS-1$ //$NON-NLS-2$
				}
				return new long[] { opened - start, done - start };
			}
		}
	}
}
