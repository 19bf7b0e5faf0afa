/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import dev.onramp.core.FailureReason;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;
import dev.onramp.core.discovery.DiscoveredService;
import dev.onramp.core.discovery.IDiscoveryService;
import dev.onramp.core.discovery.IHostResolver;

/**
 * mDNS through JmDNS: one-off browsing for {@code onramp discover}, {@code .local} resolution (also offered as
 * {@link IHostResolver} to bundles that need only that), and continuous browsing for the device registry while it
 * listens. Every JmDNS instance is closed when the component deactivates. Deactivation lets each closing instance
 * have {@link #CLOSE_BOUND} from the moment its close began: long enough for its first goodbye, not for JmDNS's
 * repeats of it over the next two seconds, which finish on daemon threads (or not at all when the process ends right
 * after, as the {@code onramp} command does). A one-off browse starts closing when its time is up, so by the time
 * the command ends and the component deactivates that bound has mostly passed.
 */
@Component(service = { IDiscoveryService.class, IHostResolver.class, IMdnsMonitor.class })
public class DiscoveryService implements IDiscoveryService, IMdnsMonitor {

	/**
	 * JmDNS sends an instance's first goodbye about 20 ms after {@code close()} begins (measured on loopback under
	 * load; the repeats follow at about 1 s and 2 s, and {@code close()} returns after them).
	 */
	static final Duration CLOSE_BOUND = Duration.ofMillis(100);
	private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

	private final InterfaceSelection selection;
	private final ExecutorService executor;
	private final List<IMdnsListener> listeners = new CopyOnWriteArrayList<>();
	/** Instances being closed, with the {@link System#nanoTime()} at which each close began. */
	private final Map<CompletableFuture<Void>, Long> closing = new ConcurrentHashMap<>();
	private final IMdnsListener dispatcher = new IMdnsListener() {
		@Override
		public void serviceResolved(DiscoveredService service) {
			listeners.forEach(l -> l.serviceResolved(service));
		}

		@Override
		public void serviceRemoved(DiscoveredService service) {
			listeners.forEach(l -> l.serviceRemoved(service));
		}
	};

	private final IPreferenceChangeListener preferenceListener = this::preferenceChanged;

	private MdnsBrowser monitor;
	private List<NetworkInterfaceInfo> monitoredInterfaces = List.of();
	private boolean deactivated;

	/** For Declarative Services: interfaces from the system property or the preferences. */
	public DiscoveryService() {
		this(InterfaceSelection.fromEnvironment());
	}

	public DiscoveryService(InterfaceSelection selection) {
		this.selection = selection;
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "Onramp mDNS close " + threads.incrementAndGet()); //$NON-NLS-1$
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Follows changes of the interface preferences: the running browsing moves to the newly chosen interfaces. */
	@Activate
	public void activate() {
		preferences().ifPresent(node -> node.addPreferenceChangeListener(preferenceListener));
	}

	private static Optional<IEclipsePreferences> preferences() {
		try {
			return Optional.of(InstanceScope.INSTANCE.getNode(InterfaceSelection.PREFERENCES_QUALIFIER));
		} catch (RuntimeException e) {
			return Optional.empty(); // no instance location (for example -data @none)
		}
	}

	private void preferenceChanged(IEclipsePreferences.PreferenceChangeEvent event) {
		if (InterfaceSelection.PREF_INCLUDE.equals(event.getKey())
				|| InterfaceSelection.PREF_EXCLUDE.equals(event.getKey())) {
			executor.execute(this::restartQuietly);
		}
	}

	private void restartQuietly() {
		synchronized (this) {
			if (deactivated) {
				return;
			}
		}
		try {
			restart();
		} catch (OnrampException e) {
			ILog.of(getClass()).warn("mDNS browsing stopped after the interface preferences changed: " + e.userText()); //$NON-NLS-1$
		}
	}

	@Deactivate
	public void deactivate() {
		preferences().ifPresent(node -> node.removePreferenceChangeListener(preferenceListener));
		MdnsBrowser running;
		synchronized (this) {
			deactivated = true;
			running = monitor;
			monitor = null;
			monitoredInterfaces = List.of();
		}
		listeners.clear();
		if (running != null) {
			track(running.closeAsync(executor));
		}
		long now = System.nanoTime();
		long wait = 0;
		for (Long began : closing.values()) {
			wait = Math.max(wait, began.longValue() + CLOSE_BOUND.toNanos() - now);
		}
		try {
			if (wait > 0) {
				CompletableFuture.allOf(closing.keySet().toArray(CompletableFuture[]::new)).get(wait,
						TimeUnit.NANOSECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException e) {
			ILog.of(getClass()).warn("Closing mDNS failed: " + e.getCause()); //$NON-NLS-1$
		} catch (TimeoutException e) {
			// JmDNS repeats its goodbyes for about two seconds more, on the executor's daemon threads
		}
		executor.shutdown();
	}

	private void track(CompletableFuture<Void> future) {
		closing.put(future, Long.valueOf(System.nanoTime()));
		future.whenComplete((v, e) -> closing.remove(future));
	}

	private synchronized void checkActive() throws OnrampException {
		if (deactivated) {
			throw new OnrampException(FailureReason.NOT_AVAILABLE, "mDNS discovery is shutting down."); //$NON-NLS-1$
		}
	}

	@Override
	public List<DiscoveredService> browse(Duration timeout, Set<String> interfaces, IProgressMonitor progress)
			throws OnrampException {
		checkActive();
		List<NetworkInterfaceInfo> chosen = selection.select(interfaces);
		long slices = Math.max(1, timeout.toNanos() / SLICE_NANOS);
		SubMonitor sub = SubMonitor.convert(progress, "Browsing mDNS on " + names(chosen), (int) Math.min(slices, 10_000)); //$NON-NLS-1$
		MdnsBrowser browser = MdnsBrowser.start(chosen, new IMdnsListener() {
			@Override
			public void serviceResolved(DiscoveredService service) {
				// collected by the browser itself
			}

			@Override
			public void serviceRemoved(DiscoveredService service) {
				// collected by the browser itself
			}
		}, executor);
		try {
			// the full timeout from the moment JmDNS listens: a device that answers just before it is still listed
			long deadline = System.nanoTime() + timeout.toNanos();
			for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
				if (sub.isCanceled()) {
					throw OnrampException.of(FailureReason.CANCELLED);
				}
				LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
				sub.worked(1);
			}
			return browser.services();
		} finally {
			// closing takes JmDNS about a second; the result does not wait for it, deactivation does
			track(browser.closeAsync(executor));
		}
	}

	@Override
	public List<InetAddress> resolve(String hostname, Duration timeout) throws OnrampException {
		checkActive();
		if (!Hostnames.isValidDeviceHostname(hostname)) {
			throw new OnrampException(FailureReason.USAGE, "'" + hostname + "' is not a valid .local host name.", //$NON-NLS-1$ //$NON-NLS-2$
					"Use one label such as pydirect-e5f6 or pydirect-e5f6.local."); //$NON-NLS-1$
		}
		String wanted = Hostnames.withoutLocalSuffix(hostname);
		Set<InetAddress> known = new LinkedHashSet<>();
		List<NetworkInterfaceInfo> interfaces;
		synchronized (this) {
			if (monitor != null) {
				monitor.services().stream().filter(s -> s.hostname().equals(wanted))
						.forEach(s -> known.addAll(s.addresses()));
			}
			interfaces = monitoredInterfaces;
		}
		if (!known.isEmpty()) {
			return List.copyOf(known);
		}
		if (interfaces.isEmpty()) {
			interfaces = selection.select(Set.of());
		}
		return MdnsAddressQuery.query(wanted, interfaces, timeout, () -> false);
	}

	@Override
	public void addListener(IMdnsListener listener) throws OnrampException {
		listeners.add(listener);
		MdnsBrowser running;
		synchronized (this) {
			checkActive();
			if (monitor == null) {
				startMonitor();
			}
			running = monitor;
		}
		running.services().forEach(listener::serviceResolved);
	}

	private void startMonitor() throws OnrampException {
		List<NetworkInterfaceInfo> chosen = selection.select(Set.of());
		monitor = MdnsBrowser.start(chosen, dispatcher, executor);
		monitoredInterfaces = List.copyOf(chosen);
		ILog.of(getClass()).info("mDNS browsing on " + names(chosen)); //$NON-NLS-1$
	}

	@Override
	public void removeListener(IMdnsListener listener) {
		listeners.remove(listener);
		MdnsBrowser stopped = null;
		synchronized (this) {
			if (listeners.isEmpty() && monitor != null) {
				stopped = monitor;
				monitor = null;
				monitoredInterfaces = List.of();
			}
		}
		if (stopped != null) {
			track(stopped.closeAsync(executor));
		}
	}

	@Override
	public synchronized List<DiscoveredService> services() {
		return monitor == null ? List.of() : monitor.services();
	}

	@Override
	public synchronized List<String> interfaceNames() {
		return monitor == null ? List.of() : monitor.interfaceNames();
	}

	@Override
	public void restart() throws OnrampException {
		MdnsBrowser stopped;
		synchronized (this) {
			checkActive();
			stopped = monitor;
			monitor = null;
			monitoredInterfaces = List.of();
		}
		if (stopped != null) {
			stopped.services().forEach(dispatcher::serviceRemoved);
			track(stopped.closeAsync(executor));
		}
		synchronized (this) {
			if (!listeners.isEmpty() && monitor == null) {
				startMonitor();
			}
		}
	}

	private static String names(List<NetworkInterfaceInfo> interfaces) {
		List<String> names = new ArrayList<>();
		interfaces.forEach(i -> names.add(i.name()));
		return String.join(", ", names); //$NON-NLS-1$
	}
}
