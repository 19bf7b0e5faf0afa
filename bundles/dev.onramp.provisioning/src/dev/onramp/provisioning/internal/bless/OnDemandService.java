/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.bless;

import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service that Declarative Services activates only when it is first asked for, not when the component that refers
 * to it starts. For the device registry this means mDNS starts only for a re-provisioning that resets the device
 * and waits for it, not for every command that might re-provision.
 */
final class OnDemandService<S> implements Supplier<S> {

	private final ComponentServiceObjects<S> objects;
	private S service;

	OnDemandService(ComponentServiceObjects<S> objects) {
		this.objects = objects;
	}

	@Override
	public synchronized S get() {
		if (service == null) {
			service = objects.getService();
			if (service == null) {
				throw new IllegalStateException("The service " + objects.getServiceReference() + " went away."); //$NON-NLS-1$ //$NON-NLS-2$
			}
		}
		return service;
	}

	/** Gives the service back, if it was ever taken. */
	synchronized void release() {
		if (service != null) {
			objects.ungetService(service);
			service = null;
		}
	}
}
