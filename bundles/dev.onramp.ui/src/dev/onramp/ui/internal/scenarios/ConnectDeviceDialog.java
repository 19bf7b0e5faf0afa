/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import dev.onramp.core.Device;

/**
 * Connect Device: the scenarios that fit the selected board, each with a line saying what it does; Continue runs
 * the chosen one (its dialog, or its Job when it asks nothing). Built from what the Device Explorer knows, no I/O.
 */
public class ConnectDeviceDialog extends TitleAreaDialog {

	private final Device device;
	private final List<Scenario> scenarios;
	private final List<Button> choices = new ArrayList<>();
	private Scenario chosen;

	public ConnectDeviceDialog(Shell parent, Device device) {
		super(parent);
		this.device = device;
		this.scenarios = Scenario.fitting(device);
		this.chosen = scenarios.isEmpty() ? null : scenarios.get(0);
		setBlockOnOpen(false);
		setHelpAvailable(false);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.ConnectDevice_title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(NLS.bind(Messages.ConnectDevice_heading, DeviceCapabilities.title(device)));
		setMessage(scenarios.isEmpty() ? Messages.ConnectDevice_nothingFits : Messages.ConnectDevice_message);
		Composite list = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().margins(12, 12).spacing(4, 2).applyTo(list);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(list);
		for (Scenario scenario : scenarios) {
			Button choice = new Button(list, SWT.RADIO);
			choice.setText(scenario.label());
			choice.setData(scenario);
			this.choices.add(choice);
			choice.setSelection(scenario == chosen);
			choice.addListener(SWT.Selection, e -> {
				if (choice.getSelection()) {
					chosen = scenario;
				}
			});
			choice.addListener(SWT.DefaultSelection, e -> okPressed());
			Label description = new Label(list, SWT.WRAP);
			description.setText(scenario.description());
			GridDataFactory.fillDefaults().grab(true, false).indent(22, 0).hint(440, SWT.DEFAULT)
					.applyTo(description);
			Label gap = new Label(list, SWT.NONE);
			GridDataFactory.fillDefaults().hint(SWT.DEFAULT, 6).applyTo(gap);
		}
		return area;
	}

	@Override
	public void create() {
		super.create();
		// GTK selects a group's first radio button when it is realized: show the chosen one once the shell exists
		for (Button choice : choices) {
			choice.setSelection(choice.getData() == chosen);
		}
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.ConnectDevice_continue, true)
				.setEnabled(!scenarios.isEmpty());
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	/** @return the scenario that Continue starts */
	public Scenario chosen() {
		return chosen;
	}

	/**
	 * Closes this dialog, then starts the scenario on the next turn of the event loop: the workbench repaints and
	 * takes input between the two, instead of one long step that closes a dialog and builds a wizard.
	 */
	@Override
	protected void okPressed() {
		Scenario scenario = chosen;
		Shell parent = getParentShell();
		Display display = getShell().getDisplay();
		super.okPressed();
		if (scenario != null) {
			display.asyncExec(() -> ScenarioLauncher.start(scenario, device,
					parent == null || parent.isDisposed() ? null : parent));
		}
	}
}
