/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.views.messages"; //$NON-NLS-1$

	public static String DeviceExplorer_looking;
	public static String DeviceExplorer_empty;
	public static String DeviceExplorer_noMatch;
	public static String DeviceExplorer_servicesMissing;
	public static String DeviceExplorer_filterMessage;
	public static String DeviceExplorer_refreshJob;
	public static String DeviceExplorer_identifyJob;
	public static String DeviceExplorer_identifyFailed;
	public static String DeviceExplorer_columnDevice;
	public static String DeviceExplorer_columnState;
	public static String DeviceExplorer_columnRuns;
	public static String DeviceExplorer_columnConnection;
	public static String DeviceExplorer_columnIdentity;
	public static String Group_usbBoards;
	public static String Group_networkDevices;
	public static String Group_provisioningEndpoints;
	public static String Group_blessedDevices;
	public static String Group_withCount;
	public static String State_identifying;
	public static String State_identificationFailed;
	public static String State_onUsb;
	public static String State_detected;
	public static String State_awaitingProvisioning;
	public static String State_connecting;
	public static String State_online;
	public static String State_offline;
	public static String State_expired;
	public static String State_expiresToday;
	public static String State_expiresInOneDay;
	public static String State_expiresInDays;
	public static String State_validForDays;
	public static String State_reblessHint;
	public static String Kind_pyDirect;
	public static String Kind_microPython;
	public static String Kind_improv;
	public static String Kind_espIdfConsole;
	public static String Kind_espIdfProvisioning;
	public static String Kind_network;
	public static String Kind_unknown;
	public static String AddEndpoint_title;
	public static String AddEndpoint_prompt;
	public static String AddEndpoint_empty;
	public static String AddEndpoint_form;
	public static String AddEndpoint_port;
	public static String AddEndpoint_host;
	public static String AddEndpoint_job;
	public static String AddEndpoint_noRegistry;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
