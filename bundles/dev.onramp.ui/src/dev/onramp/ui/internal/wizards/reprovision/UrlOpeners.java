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

import dev.onramp.ui.internal.scenarios.Browsers;

/** Hands a URL to the registered {@link IUrlOpener}, or to the workbench browser support when there is none. */
final class UrlOpeners {

	private UrlOpeners() {
	}

	static void open(String url) {
		BundleContext context = FrameworkUtil.getBundle(UrlOpeners.class).getBundleContext();
		ServiceReference<IUrlOpener> reference = context == null ? null : context.getServiceReference(IUrlOpener.class);
		IUrlOpener opener = reference == null ? null : context.getService(reference);
		if (opener == null) {
			Browsers.open(url);
			return;
		}
		try {
			opener.open(url);
		} finally {
			context.ungetService(reference);
		}
	}
}
