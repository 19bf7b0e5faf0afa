/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.wifi;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;

/**
 * The last page of both Wi-Fi wizards, shown once the device took the network: its IP address, host name and what
 * else the user should know. There is no way back from it: the device's settings have changed.
 */
final class ResultPage extends WizardPage {

	private final String helpContext;
	private Label ip;
	private Label hostname;
	private Label network;
	private Label note;
	private String[] values = { "", "", "", "" }; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$

	ResultPage(String title, String description, String helpContext) {
		super("result"); //$NON-NLS-1$
		this.helpContext = helpContext;
		setTitle(title);
		setDescription(description);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
		network = row(page, Messages.Result_network);
		ip = row(page, Messages.Result_ip);
		hostname = row(page, Messages.Result_hostname);
		note = new Label(page, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).indent(0, 10)
				.applyTo(note);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(page, helpContext);
		setControl(page);
		fill();
	}

	private static Label row(Composite page, String text) {
		new Label(page, SWT.NONE).setText(text);
		Label value = new Label(page, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
		return value;
	}

	/** Fills the page in; call before showing it (its control may not be built yet). */
	void show(String ssid, String ipAddress, String host, String text) {
		values = new String[] { ssid, ipAddress == null ? Messages.Result_unknown : ipAddress,
				host == null ? Messages.Result_unknown : host, text };
		if (getControl() != null) {
			fill();
		}
	}

	private void fill() {
		network.setText(values[0]);
		ip.setText(values[1]);
		hostname.setText(values[2]);
		note.setText(values[3]);
		((Composite) getControl()).layout(true);
	}

	@Override
	public IWizardPage getPreviousPage() {
		return null;
	}
}
