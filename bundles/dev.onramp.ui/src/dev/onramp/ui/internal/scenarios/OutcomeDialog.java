/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * The end of a scenario, in words: the device's address after a Wi-Fi change, the fingerprint and URL after a
 * re-provision, match or mismatch after a verification, or the service's message and hint after a failure. It does
 * not block its caller (the workbench's event loop runs it), like every dialog of the scenarios.
 */
public final class OutcomeDialog extends MessageDialog {

	private final Outcome outcome;

	private OutcomeDialog(Shell parent, Outcome outcome) {
		super(parent, outcome.title(), null, outcome.message(), outcome.success() ? INFORMATION : ERROR,
				outcome.url() == null ? 0 : 1,
				outcome.url() == null ? new String[] { IDialogConstants.OK_LABEL }
						: new String[] { Messages.Outcome_openPage, IDialogConstants.CLOSE_LABEL });
		this.outcome = outcome;
		setBlockOnOpen(false);
	}

	/** Opens the dialog over the active workbench window; call on the UI thread. */
	public static void show(Outcome outcome) {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		Shell parent = window == null ? null : window.getShell();
		new OutcomeDialog(parent, outcome).open();
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (outcome.url() != null && buttonId == 0) {
			Browsers.open(outcome.url());
		}
		super.buttonPressed(buttonId);
	}
}
