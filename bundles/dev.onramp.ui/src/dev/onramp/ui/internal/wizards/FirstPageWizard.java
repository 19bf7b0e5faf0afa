/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.widgets.Composite;

/**
 * A wizard that builds only its first page when its dialog opens; {@code WizardDialog} builds each other page when it
 * is first shown. Opening is one UI step, so it stays short.
 */
public abstract class FirstPageWizard extends Wizard {

	@Override
	public void createPageControls(Composite pageContainer) {
		getStartingPage().createControl(pageContainer);
	}
}
