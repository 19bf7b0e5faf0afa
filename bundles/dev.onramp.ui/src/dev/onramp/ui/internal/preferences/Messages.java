/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.preferences;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.preferences.messages"; //$NON-NLS-1$

	public static String DiscoveryPreferencePage_description;
	public static String DiscoveryPreferencePage_include;
	public static String DiscoveryPreferencePage_exclude;
	public static String DiscoveryPreferencePage_hint;
	public static String OnrampPreferencePage_intro;
	public static String OnrampPreferencePage_dataDirectory;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
