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
	public static String CaPage_description;
	public static String CaPage_reading;
	public static String CaPage_readJob;
	public static String CaPage_details;
	public static String CaPage_subject;
	public static String CaPage_fingerprint;
	public static String CaPage_validity;
	public static String CaPage_validFromTo;
	public static String CaPage_file;
	public static String CaPage_key;
	public static String CaPage_keyEc;
	public static String CaPage_keyRsa;
	public static String CaPage_create;
	public static String CaPage_createJob;
	public static String CaPage_created;
	public static String CaPage_rotate;
	public static String CaPage_export;
	public static String CaPage_exportJob;
	public static String CaPage_exportTitle;
	public static String CaPage_exportPem;
	public static String CaPage_exportDer;
	public static String CaPage_exportedPem;
	public static String CaPage_exportedDer;
	public static String CaPage_share;
	public static String CaPage_shareJob;
	public static String CaPage_trust;
	public static String CaPage_exists;
	public static String CaPage_none;
	public static String CaPage_noService;
	public static String CaPage_cannotWrite;
	public static String CaPage_expires;
	public static String CaPage_rotateTitle;
	public static String CaPage_rotateWarning;
	public static String CaPage_rotateNoDevices;
	public static String CaPage_rotateDevices;
	public static String CaPage_rotateConfirm;
	public static String CaPage_rotateCancel;
	public static String CaPage_rotateJob;
	public static String CaPage_rotated;
	public static String CaShare_title;
	public static String CaShare_intro;
	public static String CaShare_starting;
	public static String CaShare_ready;
	public static String CaShare_noNetwork;
	public static String CaShare_cannotServe;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
