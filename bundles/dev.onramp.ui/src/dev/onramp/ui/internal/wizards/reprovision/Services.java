/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;

/** Uses an OSGi service for one call, off the UI thread (getting a service may activate it). */
final class Services {

	@FunctionalInterface
	interface Call<S, R> {
		R apply(S service) throws OnrampException;
	}

	private Services() {
	}

	static <S, R> R call(Class<S> type, Call<S, R> call) throws OnrampException {
		BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
		ServiceReference<S> reference = context == null ? null : context.getServiceReference(type);
		S service = reference == null ? null : context.getService(reference);
		if (service == null) {
			throw new OnrampException(FailureReason.NOT_AVAILABLE,
					Messages.bind(Messages.Services_missing, type.getSimpleName()), Messages.Services_missingHint);
		}
		try {
			return call.apply(service);
		} finally {
			context.ungetService(reference);
		}
	}
}
