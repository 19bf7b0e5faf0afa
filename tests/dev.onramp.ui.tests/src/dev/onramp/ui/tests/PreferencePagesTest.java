/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.BackingStoreException;

import dev.onramp.ui.internal.preferences.DiscoveryPreferencePage;
import dev.onramp.ui.tests.driver.SwtDriver;

/** Onramp's preference pages in the real workbench, driven like a user does. */
class PreferencePagesTest {

	private final SwtDriver driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
	private PreferenceDialog dialog;

	@AfterEach
	void closeAndForget() throws BackingStoreException {
		if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
			dialog.close();
		}
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(DiscoveryPreferencePage.QUALIFIER);
		node.remove(DiscoveryPreferencePage.INCLUDE);
		node.flush();
	}

	@Test
	void theDiscoveryPageStoresTheInterfacesWhereTheDiscoveryServiceReadsThem() throws IOException {
		dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
				"dev.onramp.ui.preferences.discovery", null, null);
		assertNotNull(dialog, "the page is registered");
		dialog.setBlockOnOpen(false);
		dialog.open();

		Text include = driver.textAfterLabel("Use only these interfaces:");
		driver.type(include, "wlan0");
		driver.screenshot(dialog.getShell(),
				Path.of(System.getProperty("onramp.screenshots", "target/screenshots"), "discovery-preferences.png"));
		driver.click(driver.button("Apply and Close"));
		driver.waitUntil("the dialog to close", () -> dialog.getShell() == null || dialog.getShell().isDisposed());

		// read the way the discovery service reads it (InterfaceSelection: the preferences service, its qualifier
		// "dev.onramp.discovery" and key "interfaces.include", written out here): the page's own constants would only
		// agree with themselves
		assertEquals("wlan0",
				Platform.getPreferencesService().getString("dev.onramp.discovery", "interfaces.include", null, null));
	}

	@Test
	void theRootPageShowsWhereOnrampKeepsItsCertificateAuthority() {
		dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
				"dev.onramp.ui.preferences.onramp", null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		assertTrue(driver.label("Certificate authority, inventory and state:").getText().contains("onramp"));
	}
}
