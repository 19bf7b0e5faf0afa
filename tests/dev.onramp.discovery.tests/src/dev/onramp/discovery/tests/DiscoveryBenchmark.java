/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.onramp.core.Device;
import dev.onramp.core.MacAddress;
import dev.onramp.core.OnrampException;
import dev.onramp.core.registry.IDeviceRegistryListener;
import dev.onramp.discovery.internal.DeviceRegistry;
import dev.onramp.discovery.internal.DiscoveryService;
import dev.onramp.discovery.internal.InterfaceSelection;
import dev.onramp.discovery.internal.MdnsAddressQuery;
import dev.onramp.simulator.mdns.SimulatedMdnsAnnouncer;

/**
 * Times mDNS on loopback: from a simulated board's first announcement on the wire to the board being listed in the
 * device registry, and {@code .local} resolution (a real query, no cache). Run it with {@code run-benchmark.sh}
 * (inside OSGi, through {@link DiscoveryBenchmarkTest}); loopback multicast must be on.
 */
public final class DiscoveryBenchmark {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
	private static final int TYPE_SRV = 33;

	private final Map<String, Long> announcedOnWire = new ConcurrentHashMap<>();
	private final Map<String, Long> listed = new ConcurrentHashMap<>();
	private final Map<String, CountDownLatch> listedLatches = new ConcurrentHashMap<>();
	private volatile boolean sniffing = true;

	private DiscoveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		run(args.length > 0 ? Integer.parseInt(args[0]) : 10, System.out);
	}

	/** Runs {@code repetitions} boards, one after the other, and prints median and p90 with the prefix BENCH. */
	public static void run(int repetitions, PrintStream out) throws Exception {
		new DiscoveryBenchmark().measure(repetitions, out);
	}

	private void measure(int repetitions, PrintStream out) throws Exception {
		List<Double> announcementToListed = new ArrayList<>();
		List<Double> startToListed = new ArrayList<>();
		List<Double> resolution = new ArrayList<>();
		List<SimulatedMdnsAnnouncer> boards = new ArrayList<>();
		DiscoveryService discovery = new DiscoveryService(InterfaceSelection.only("lo")); //$NON-NLS-1$
		DeviceRegistry registry = new DeviceRegistry(discovery);
		registry.addListener(new IDeviceRegistryListener() {
			@Override
			public void deviceAdded(Device device) {
				long now = System.nanoTime();
				device.hostname().ifPresent(host -> {
					listed.putIfAbsent(host, Long.valueOf(now));
					CountDownLatch latch = listedLatches.get(host);
					if (latch != null) {
						latch.countDown();
					}
				});
			}

			@Override
			public void deviceChanged(Device previous, Device current) {
				deviceAdded(current);
			}

			@Override
			public void deviceRemoved(Device device) {
				// not measured
			}
		});
		Thread sniffer = new Thread(this::sniff, "Benchmark mDNS sniffer on lo"); //$NON-NLS-1$
		sniffer.setDaemon(true);
		sniffer.start();
		try {
			for (int i = 0; i < repetitions; i++) {
				MacAddress mac = MacAddress.of(new byte[] { 2, 0, 0, (byte) 0xbe, (byte) (i >> 8), (byte) i });
				String host = mac.pyDirectHostname();
				CountDownLatch latch = new CountDownLatch(1);
				listedLatches.put(host, latch);
				long start = System.nanoTime();
				boards.add(SimulatedMdnsAnnouncer.pyDirect(LOOPBACK, mac, 8443));
				if (!latch.await(20, TimeUnit.SECONDS)) {
					out.println("BENCH " + host + " was not listed within 20 s"); //$NON-NLS-1$ //$NON-NLS-2$
					continue;
				}
				long listedAt = listed.get(host).longValue();
				Long wire = announcedOnWire.get(host);
				startToListed.add(Double.valueOf(millis(listedAt - start)));
				if (wire != null) {
					announcementToListed.add(Double.valueOf(millis(listedAt - wire.longValue())));
				}
			}
			// resolution: a fresh service each time, so nothing is cached; every host announced over 1 s ago
			for (SimulatedMdnsAnnouncer board : boards) {
				DiscoveryService fresh = new DiscoveryService(InterfaceSelection.only("lo")); //$NON-NLS-1$
				try {
					long start = System.nanoTime();
					fresh.resolve(board.hostname(), Duration.ofSeconds(5));
					resolution.add(Double.valueOf(millis(System.nanoTime() - start)));
				} catch (OnrampException e) {
					out.println("BENCH " + board.hostname() + ".local did not resolve: " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
				} finally {
					fresh.deactivate();
				}
			}
		} finally {
			sniffing = false;
			boards.parallelStream().forEach(SimulatedMdnsAnnouncer::close);
			registry.deactivate();
			discovery.deactivate();
			sniffer.join(2000);
		}
		out.println(String.format(Locale.ROOT, "BENCH mDNS on loopback, %d boards, JmDNS %s", //$NON-NLS-1$
				Integer.valueOf(repetitions), javax.jmdns.JmDNS.VERSION));
		out.println("BENCH " + summary("announcement on the wire -> listed in registry", announcementToListed)); //$NON-NLS-1$ //$NON-NLS-2$
		out.println("BENCH " + summary("announcer started -> listed (incl. JmDNS host probing)", startToListed)); //$NON-NLS-1$ //$NON-NLS-2$
		out.println("BENCH " + summary(".local resolution (network query, no cache)", resolution)); //$NON-NLS-1$ //$NON-NLS-2$
		figure(out, "mdns.announce_to_listed.median", 50, announcementToListed, //$NON-NLS-1$
				"mDNS announcement on the wire to listed in the device registry, loopback, median"); //$NON-NLS-1$
		figure(out, "mdns.announce_to_listed.p90", 90, announcementToListed, //$NON-NLS-1$
				"mDNS announcement on the wire to listed in the device registry, loopback, p90"); //$NON-NLS-1$
		figure(out, "mdns.resolve.median", 50, resolution, ".local resolution by a real query, no cache, median"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** One {@code FIGURE <key> <value> <unit> <description>} line, as the benchmark command collects them. */
	private static void figure(PrintStream out, String key, int percent, List<Double> values, String description) {
		if (values.isEmpty()) {
			return;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		out.println(String.format(Locale.ROOT, "FIGURE %s %.1f ms %s (n=%d)", key, //$NON-NLS-1$
				Double.valueOf(percentile(sorted, percent)), description, Integer.valueOf(sorted.size())));
	}

	/** Records when the first response carrying a board's SRV record crosses loopback. */
	private void sniff() {
		try (MulticastSocket socket = new MulticastSocket(null)) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(5353));
			socket.joinGroup(new InetSocketAddress(InetAddress.getByName("224.0.0.251"), 5353), //$NON-NLS-1$
					NetworkInterface.getByName("lo")); //$NON-NLS-1$
			socket.setSoTimeout(200);
			byte[] buffer = new byte[9000];
			while (sniffing) {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					socket.receive(packet);
				} catch (SocketTimeoutException e) {
					continue;
				}
				long now = System.nanoTime();
				for (MdnsAddressQuery.Record record : MdnsAddressQuery.parseResponse(buffer, packet.getLength())) {
					if (record.type() == TYPE_SRV && record.ttl() > 0) {
						String target = srvTarget(record.name());
						if (target != null) {
							announcedOnWire.putIfAbsent(target, Long.valueOf(now));
						}
					}
				}
			}
		} catch (SocketException e) {
			// closed
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return {@code pydirect-xxxx} for the SRV owner {@code pyDirect xxxx._https._tcp.local.} */
	private static String srvTarget(String owner) {
		String lower = owner.toLowerCase(Locale.ROOT);
		return lower.startsWith("pydirect ") ? "pydirect-" + lower.substring(9, lower.indexOf('.')) : null; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	static String summary(String what, List<Double> values) {
		if (values.isEmpty()) {
			return what + ": no samples"; //$NON-NLS-1$
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double median = percentile(sorted, 50);
		double p90 = percentile(sorted, 90);
		return String.format(Locale.ROOT, "%s: n=%d median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms", what, //$NON-NLS-1$
				Integer.valueOf(sorted.size()), Double.valueOf(median), Double.valueOf(p90), sorted.get(0),
				sorted.get(sorted.size() - 1));
	}

	/** Nearest-rank percentile. */
	private static double percentile(List<Double> sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1)).doubleValue();
	}
}
