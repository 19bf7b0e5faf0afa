/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.ui.internal;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.simulator.ui.internal.messages"; //$NON-NLS-1$

	public static String SimulatedBoard_pyDirect;
	public static String SimulatedBoard_pyDirect_description;
	public static String SimulatedBoard_improv;
	public static String SimulatedBoard_improv_description;
	public static String SimulatedBoard_espIdf;
	public static String SimulatedBoard_espIdf_description;
	public static String SimulatedDevices_name;
	public static String SimulatedDevices_noRegistry;
	public static String SimulatorJob_start;
	public static String SimulatorJob_started;
	public static String SimulatorJob_startFailed;
	public static String SimulatorJob_stop;
	public static String SimulatorJob_stopped;
	public static String StartDialog_title;
	public static String StartDialog_message;
	public static String StartDialog_board;
	public static String StartDialog_demoValues;
	public static String StartDialog_ssid;
	public static String StartDialog_wifiPassword;
	public static String StartDialog_pop;
	public static String StartDialog_demoNote;
	public static String StartDialog_start;
	public static String Handler_notRunning;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
