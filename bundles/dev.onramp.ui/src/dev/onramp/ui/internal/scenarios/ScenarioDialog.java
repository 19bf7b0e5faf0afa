/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.onramp.core.Device;
import dev.onramp.core.Secret;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/**
 * A scenario's dialog: asks only what the scenario needs, built without I/O, validates as the user types, and on
 * its run button hands the answers to the scenario's Job. It does not block its caller: it is modal for the user but
 * the command that opened it returns at once.
 */
abstract class ScenarioDialog extends TitleAreaDialog {

	private static final char ECHO = '\u25cf';

	protected final Device device;
	private boolean touched;

	ScenarioDialog(Shell parent, Device device) {
		super(parent);
		this.device = device;
		setBlockOnOpen(false);
		setShellStyle(getShellStyle() | SWT.RESIZE);
		setHelpAvailable(false);
	}

	/** @return the window title and the dialog's title line */
	protected abstract String title();

	/** @return the line under the title: what the scenario will do with the answers */
	protected abstract String description();

	/** @return the label of the button that runs the scenario */
	protected abstract String runLabel();

	/** Lays out the fields in a three-column grid: label, field, extra (a Show check box or nothing). */
	protected abstract void createFields(Composite fields);

	/** @return what is missing or wrong in the answers, or null when they are complete */
	protected abstract String problem();

	/** @return the Job that runs the scenario with the answers, called once when the user presses the run button */
	protected abstract Job createJob(IDeviceConsole console);

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(title());
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Composite fields = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(fields);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
		createFields(fields);
		setTitle(title());
		setMessage(description());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, runLabel(), true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
		validate();
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	/** Re-checks the answers: the run button follows, the message only once the user has typed. */
	protected final void validate() {
		String problem = problem();
		Button run = getButton(IDialogConstants.OK_ID);
		if (run != null) {
			run.setEnabled(problem == null);
		}
		if (touched || problem == null) {
			setErrorMessage(problem);
		}
	}

	@Override
	protected void okPressed() {
		if (problem() != null) {
			return;
		}
		Job job = createJob(ScenarioLauncher.console(device));
		super.okPressed();
		job.schedule();
	}

	protected Label label(Composite parent, String text) {
		Label label = new Label(parent, SWT.NONE);
		label.setText(text);
		return label;
	}

	/** @return a text field after its label, validated as the user types */
	protected Text textField(Composite parent, String label, String hint) {
		label(parent, label);
		Text text = new Text(parent, SWT.SINGLE | SWT.BORDER);
		configure(text, hint);
		new Label(parent, SWT.NONE);
		return text;
	}

	/** @return a password field after its label, hidden until the user ticks its Show check box */
	protected Text secretField(Composite parent, String label, String hint) {
		label(parent, label);
		Text text = new Text(parent, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
		configure(text, hint);
		Button show = new Button(parent, SWT.CHECK);
		show.setText(Messages.ScenarioDialog_show);
		show.addListener(SWT.Selection, e -> text.setEchoChar(show.getSelection() ? '\0' : ECHO));
		return text;
	}

	private void configure(Text text, String hint) {
		GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(text);
		if (hint != null) {
			text.setMessage(hint);
		}
		text.addListener(SWT.Modify, e -> {
			touched = true;
			validate();
		});
	}

	/** @return null when the text is a valid SSID (1 to 32 bytes), else what is wrong */
	protected static String ssidProblem(String ssid) {
		if (ssid.isEmpty()) {
			return Messages.ScenarioDialog_ssidMissing;
		}
		return ssid.getBytes(StandardCharsets.UTF_8).length > 32 ? Messages.ScenarioDialog_ssidTooLong : null;
	}

	/** @return what the field holds, as a secret (the field's own copy stays with the widget until it is disposed) */
	protected static Secret secret(Text text) {
		char[] chars = text.getTextChars();
		try {
			ScenarioLauncher.maskInConsoles(new String(chars));
			return Secret.of(chars);
		} finally {
			Arrays.fill(chars, '\0');
		}
	}
}
