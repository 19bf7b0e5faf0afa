/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.views.messages"; //$NON-NLS-1$

	public static String DeviceExplorer_empty;
	public static String DeviceExplorer_refresh;
	public static String DeviceExplorer_refreshJob;
	public static String DeviceExplorer_servicesMissing;
	public static String DeviceExplorer_columnDevice;
	public static String DeviceExplorer_columnConnection;
	public static String DeviceExplorer_columnIdentity;
	public static String DeviceExplorer_columnState;
	public static String DeviceExplorer_stateDetected;
	public static String DeviceExplorer_stateAwaitingProvisioning;
	public static String DeviceExplorer_stateConnecting;
	public static String DeviceExplorer_stateOnline;
	public static String DeviceExplorer_stateOffline;
	public static String DeviceExplorer_connectFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
