/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

import org.eclipse.core.runtime.ILog;

import dev.onramp.core.FailureReason;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;
import dev.onramp.core.discovery.DiscoveredService;

/**
 * One JmDNS instance per interface, each bound to that interface's address, browsing the service types devices
 * announce. Keeps the resolved services and tells one listener about every change.
 */
final class MdnsBrowser {

	/** The DNS-SD types ESP32 firmware announces: web interfaces, ESP local control, RainMaker, WebREPL. */
	static final List<String> SERVICE_TYPES = List.of("_http._tcp", "_https._tcp", "_esp_local_ctrl._tcp", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			"_esp_rmaker_chal_resp._tcp", "_webrepl._tcp"); //$NON-NLS-1$ //$NON-NLS-2$

	private static final AtomicInteger INSTANCES = new AtomicInteger();

	private final List<JmDNS> instances = new ArrayList<>();
	private final List<String> interfaceNames = new ArrayList<>();
	private final Map<String, DiscoveredService> services = new ConcurrentHashMap<>();
	private final IMdnsListener listener;

	private MdnsBrowser(IMdnsListener listener) {
		this.listener = listener;
	}

	/**
	 * Starts browsing on every interface; fails only when no interface at all could be used.
	 *
	 * @throws OnrampException {@code DEVICE_UNREACHABLE} with the reason of the first failure
	 */
	static MdnsBrowser start(List<NetworkInterfaceInfo> interfaces, IMdnsListener listener, Executor closer)
			throws OnrampException {
		MdnsBrowser browser = new MdnsBrowser(listener);
		IOException firstFailure = null;
		String failedInterface = null;
		for (NetworkInterfaceInfo info : interfaces) {
			InetAddress address = info.bindAddress().orElse(null);
			if (address == null) {
				continue;
			}
			try {
				browser.add(info.name(), address);
			} catch (IOException e) {
				ILog.of(MdnsBrowser.class).warn("mDNS cannot run on interface " + info.name() + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
				if (firstFailure == null) {
					firstFailure = e;
					failedInterface = info.name();
				}
			}
		}
		if (browser.instances.isEmpty()) {
			throw new OnrampException(FailureReason.DEVICE_UNREACHABLE,
					"mDNS could not start on network interface " + failedInterface + ": " //$NON-NLS-1$ //$NON-NLS-2$
							+ (firstFailure == null ? "no address" : firstFailure.getMessage()), //$NON-NLS-1$
					"Check that the interface is up with multicast enabled, or choose another.", //$NON-NLS-1$
					firstFailure).withRemedy(Remedy.NETWORK_INTERFACE);
		}
		return browser;
	}

	private void add(String interfaceName, InetAddress address) throws IOException {
		String name = "onramp-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet(); //$NON-NLS-1$ //$NON-NLS-2$
		JmDNS jmdns = JmDNS.create(address, name);
		synchronized (instances) {
			instances.add(jmdns);
			interfaceNames.add(interfaceName);
		}
		for (String type : SERVICE_TYPES) {
			jmdns.addServiceListener(type + ".local.", new TypeListener(interfaceName)); //$NON-NLS-1$
		}
	}

	List<String> interfaceNames() {
		synchronized (instances) {
			return List.copyOf(interfaceNames);
		}
	}

	List<DiscoveredService> services() {
		List<DiscoveredService> result = new ArrayList<>(services.values());
		result.sort((a, b) -> (a.hostname() + a.serviceType() + a.instanceName())
				.compareTo(b.hostname() + b.serviceType() + b.instanceName()));
		return result;
	}

	/**
	 * Closes every JmDNS instance in parallel (each sends goodbyes for our own host record and leaves the group).
	 *
	 * @return completes when all are closed
	 */
	CompletableFuture<Void> closeAsync(Executor executor) {
		List<JmDNS> toClose;
		synchronized (instances) {
			toClose = new ArrayList<>(instances);
			instances.clear();
		}
		List<CompletableFuture<Void>> closing = new ArrayList<>();
		for (JmDNS jmdns : toClose) {
			closing.add(CompletableFuture.runAsync(() -> {
				try {
					jmdns.close();
				} catch (IOException e) {
					ILog.of(MdnsBrowser.class).warn("Closing mDNS failed: " + e.getMessage()); //$NON-NLS-1$
				}
			}, executor));
		}
		return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
	}

	/** Closes and waits at most {@code bound}; JmDNS threads that outlive it end on their own. */
	void close(Executor executor, Duration bound) {
		try {
			closeAsync(executor).get(bound.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException | TimeoutException e) {
			ILog.of(MdnsBrowser.class).warn("mDNS did not close within " + bound.toMillis() + " ms"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	static DiscoveredService toService(ServiceInfo info, String interfaceName) {
		String server = info.getServer();
		String hostname = server == null || server.isBlank() ? "" : Hostnames.withoutLocalSuffix(server); //$NON-NLS-1$
		Map<String, String> txt = new LinkedHashMap<>();
		for (String key : Collections.list(info.getPropertyNames())) {
			String value = info.getPropertyString(key);
			txt.put(key, value == null ? "" : value); //$NON-NLS-1$
		}
		return new DiscoveredService(info.getName(), serviceType(info.getType()), hostname,
				List.of(info.getInetAddresses()), info.getPort(), txt, interfaceName);
	}

	/** @return {@code _https._tcp} for {@code _https._tcp.local.} */
	static String serviceType(String jmdnsType) {
		String type = jmdnsType.toLowerCase(Locale.ROOT);
		if (type.endsWith(".")) { //$NON-NLS-1$
			type = type.substring(0, type.length() - 1);
		}
		return type.endsWith(".local") ? type.substring(0, type.length() - ".local".length()) : type; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private final class TypeListener implements ServiceListener {

		private final String interfaceName;

		TypeListener(String interfaceName) {
			this.interfaceName = interfaceName;
		}

		private String key(ServiceEvent event) {
			return interfaceName + '|' + (event.getName() + '.' + event.getType()).toLowerCase(Locale.ROOT);
		}

		@Override
		public void serviceAdded(ServiceEvent event) {
			// JmDNS resolves added services by itself; serviceResolved follows
		}

		@Override
		public void serviceResolved(ServiceEvent event) {
			ServiceInfo info = event.getInfo();
			if (info == null || info.getPort() <= 0) {
				return;
			}
			DiscoveredService service = toService(info, interfaceName);
			DiscoveredService previous = services.put(key(event), service);
			if (!service.equals(previous)) {
				listener.serviceResolved(service);
			}
		}

		@Override
		public void serviceRemoved(ServiceEvent event) {
			DiscoveredService previous = services.remove(key(event));
			if (previous != null) {
				listener.serviceRemoved(previous);
			}
		}
	}
}
