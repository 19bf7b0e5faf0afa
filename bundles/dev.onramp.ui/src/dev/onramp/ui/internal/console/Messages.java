/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import org.eclipse.osgi.util.NLS;

final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.console.messages"; //$NON-NLS-1$

	public static String SerialMonitor_jobName;
	public static String SerialMonitor_started;
	public static String SerialMonitor_resumed;
	public static String SerialMonitor_paused;
	public static String SerialMonitor_stopped;
	public static String SerialMonitor_noSerialService;
	public static String ConsolePage_monitor;
	public static String ConsolePage_close;
	public static String OpenConsole_noService;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
