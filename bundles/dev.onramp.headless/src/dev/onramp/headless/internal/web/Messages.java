/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.web;

import org.eclipse.osgi.util.NLS;

/** Sentences of the provisioning page's flow, on the terminal and on the page. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.headless.internal.web.messages"; //$NON-NLS-1$

	public static String Page_opening;
	public static String Page_printed;
	public static String Page_openerFailed;
	public static String Page_cannotServe;
	public static String Page_timedOut;
	public static String Page_timedOutHint;
	public static String Page_gaveUp;
	public static String Page_badRequest;
	public static String Page_notNow;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
