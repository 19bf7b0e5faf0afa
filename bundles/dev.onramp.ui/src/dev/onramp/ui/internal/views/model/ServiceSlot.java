/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * One kind of service the explorer uses, tracked: the best-ranked one is used, each one is told about the explorer
 * (listeners) while it is there, and every arrival or departure is reported. Getting a service can activate its
 * component (the registry starts mDNS), so {@link #open()} belongs in a Job, never on the UI thread.
 */
final class ServiceSlot<T> implements AutoCloseable {

	private final ServiceTracker<T, T> tracker;

	/**
	 * @param arrived told of each service as it arrives (to add listeners), on the thread that registers it
	 * @param left    told of each service as it leaves (to remove listeners)
	 * @param changed told after every arrival, change or departure
	 */
	ServiceSlot(BundleContext context, Class<T> type, Consumer<T> arrived, Consumer<T> left, Runnable changed) {
		tracker = new ServiceTracker<>(context, type, new ServiceTrackerCustomizer<T, T>() {
			@Override
			public T addingService(ServiceReference<T> reference) {
				T service = context.getService(reference);
				if (service != null) {
					arrived.accept(service);
					changed.run();
				}
				return service;
			}

			@Override
			public void modifiedService(ServiceReference<T> reference, T service) {
				changed.run();
			}

			@Override
			public void removedService(ServiceReference<T> reference, T service) {
				left.accept(service);
				context.ungetService(reference);
				changed.run();
			}
		});
	}

	ServiceSlot(BundleContext context, Class<T> type, Runnable changed) {
		this(context, type, service -> {
			// nothing to tell it
		}, service -> {
			// nothing to take back
		}, changed);
	}

	/** Starts tracking; gets (and so may activate) the services present now. */
	void open() {
		tracker.open();
	}

	/** @return the best-ranked service, or {@code null} when there is none */
	T get() {
		return tracker.getService();
	}

	@Override
	public void close() {
		tracker.close();
	}
}
