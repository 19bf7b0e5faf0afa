/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards;

import org.eclipse.osgi.util.NLS;

/** Texts shared by the wizards. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.ui.internal.wizards.messages"; //$NON-NLS-1$

	public static String Step_failedBug;
	public static String Step_servicesMissing;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
