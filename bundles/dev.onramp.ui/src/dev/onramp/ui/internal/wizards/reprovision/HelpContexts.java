/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

/** The context help ids of the re-provision flow, defined in the bundle's {@code contexts.xml}. */
public final class HelpContexts {

	public static final String REPROVISION_WIZARD = "dev.onramp.ui.reprovision_wizard"; //$NON-NLS-1$
	public static final String SECURITY_WARNING = "dev.onramp.ui.security_warning"; //$NON-NLS-1$

	private HelpContexts() {
	}
}
