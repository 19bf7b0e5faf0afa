/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.wifi;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.wizards.wifi.messages"; //$NON-NLS-1$

	public static String ChangeWifi_windowTitle;
	public static String ChangeWifi_boardTitle;
	public static String ChangeWifi_boardDescription;
	public static String ChangeWifi_board;
	public static String ChangeWifi_port;
	public static String ChangeWifi_protocol;
	public static String ChangeWifi_chip;
	public static String ChangeWifi_firmware;
	public static String ChangeWifi_detecting;
	public static String ChangeWifi_detectJob;
	public static String ChangeWifi_detectAgain;
	public static String ChangeWifi_improv;
	public static String ChangeWifi_repl;
	public static String ChangeWifi_pydirect;
	public static String ChangeWifi_unknown;
	public static String ChangeWifi_consoleAnswered;
	public static String ChangeWifi_consoleHint;
	public static String ChangeWifi_applyJob;
	public static String ChangeWifi_scanJob;
	public static String ChangeWifi_resultTitle;
	public static String ChangeWifi_resultDescription;
	public static String ChangeWifi_joined;
	public static String ChangeWifi_notRemembered;
	public static String Network_title;
	public static String Network_description;
	public static String Network_column;
	public static String Network_signal;
	public static String Network_security;
	public static String Network_secured;
	public static String Network_open;
	public static String Network_other;
	public static String Network_note;
	public static String Network_rescan;
	public static String Network_scanning;
	public static String Network_none;
	public static String Network_ssid;
	public static String Network_ssidMissing;
	public static String Network_ssidTooLong;
	public static String Network_password;
	public static String Network_show;
	public static String Network_retry;
	public static String Network_retryTip;
	public static String Network_retryJob;
	public static String Network_retryFirst;
	public static String Network_ready;
	public static String Result_ip;
	public static String Result_hostname;
	public static String Result_network;
	public static String Result_security;
	public static String Result_unknown;
	public static String Provision_windowTitle;
	public static String Provision_endpointTitle;
	public static String Provision_endpointDescription;
	public static String Provision_transport;
	public static String Provision_softap;
	public static String Provision_console;
	public static String Provision_ble;
	public static String Provision_address;
	public static String Provision_addressMissing;
	public static String Provision_scheme;
	public static String Provision_schemeUnknown;
	public static String Provision_scheme0;
	public static String Provision_scheme1;
	public static String Provision_scheme2;
	public static String Provision_pop;
	public static String Provision_popHint;
	public static String Provision_username;
	public static String Provision_remember;
	public static String Provision_rememberTip;
	public static String Provision_recalled;
	public static String Provision_recallJob;
	public static String Provision_openJob;
	public static String Provision_applyJob;
	public static String Provision_scanJob;
	public static String Provision_notRetried;
	public static String Provision_storageFailed;
	public static String Provision_resultTitle;
	public static String Provision_resultDescription;
	public static String Provision_joined;
	public static String Provision_unconfirmed;
	public static String Provision_closeJob;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
