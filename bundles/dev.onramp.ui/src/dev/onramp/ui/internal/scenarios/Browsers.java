/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.net.MalformedURLException;
import java.net.URI;

import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;

/** Opens a device's page in the user's external browser through the workbench's browser support. */
public final class Browsers {

	private Browsers() {
	}

	public static void open(String url) {
		try {
			PlatformUI.getWorkbench().getBrowserSupport().getExternalBrowser().openURL(URI.create(url).toURL());
		} catch (PartInitException | MalformedURLException | IllegalArgumentException e) {
			StatusManager.getManager().handle(Status.error(NLS.bind(Messages.Browsers_failed, url), e),
					StatusManager.SHOW | StatusManager.LOG);
		}
	}
}
