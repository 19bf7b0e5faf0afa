/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.wifi;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;

import dev.onramp.core.identify.ImprovDeviceInfo;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.ui.internal.wizards.DeviceStep;

/**
 * Change Wi-Fi, page 1: the board chosen in the explorer and the protocol it answers with, asked of the board (in the
 * container's forked runnable) when the page is first shown, not while it is built.
 */
final class BoardPage extends WizardPage {

	private final ChangeWifiWizard wizard;
	private Label protocol;
	private Label chip;
	private Label firmware;
	private Label problem;
	private boolean asked;

	BoardPage(ChangeWifiWizard wizard) {
		super("board"); //$NON-NLS-1$
		this.wizard = wizard;
		setTitle(Messages.ChangeWifi_boardTitle);
		setDescription(Messages.ChangeWifi_boardDescription);
		setPageComplete(false);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
		row(page, Messages.ChangeWifi_board).setText(wizard.title());
		row(page, Messages.ChangeWifi_port).setText(wizard.port());
		protocol = row(page, Messages.ChangeWifi_protocol);
		chip = row(page, Messages.ChangeWifi_chip);
		firmware = row(page, Messages.ChangeWifi_firmware);
		problem = new Label(page, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).indent(0, 10)
				.applyTo(problem);
		Button again = new Button(page, SWT.PUSH);
		again.setText(Messages.ChangeWifi_detectAgain);
		again.addListener(SWT.Selection, e -> detect());
		PlatformUI.getWorkbench().getHelpSystem().setHelp(page, ChangeWifiWizard.HELP);
		setControl(page);
	}

	private static Label row(Composite page, String text) {
		new Label(page, SWT.NONE).setText(text);
		Label value = new Label(page, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
		return value;
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible && !asked) {
			asked = true;
			getShell().getDisplay().asyncExec(this::detect);
		}
	}

	/** Asks the board which protocol it speaks. */
	void detect() {
		if (protocol.isDisposed()) {
			return;
		}
		protocol.setText(Messages.ChangeWifi_detecting);
		chip.setText(""); //$NON-NLS-1$
		firmware.setText(""); //$NON-NLS-1$
		problem.setText(""); //$NON-NLS-1$
		setErrorMessage(null);
		setPageComplete(false);
		AtomicReference<PortIdentity> found = new AtomicReference<>();
		try {
			getContainer().run(true, true, monitor -> found.set(wizard.identify(monitor)));
		} catch (InvocationTargetException e) {
			protocol.setText(Messages.ChangeWifi_unknown);
			String text = DeviceStep.describe(e);
			problem.setText(text);
			setErrorMessage(text.lines().findFirst().orElse(text));
			layout();
			return;
		} catch (InterruptedException e) {
			protocol.setText(Messages.ChangeWifi_unknown);
			return;
		}
		PortIdentity identity = found.get();
		protocol.setText(switch (identity.kind()) {
		case IMPROV -> Messages.ChangeWifi_improv;
		case PYDIRECT -> Messages.ChangeWifi_pydirect;
		default -> Messages.ChangeWifi_repl;
		});
		chip.setText(identity.chip().orElse(Messages.ChangeWifi_unknown));
		firmware.setText(firmware(identity));
		layout();
		setPageComplete(true);
	}

	private static String firmware(PortIdentity identity) {
		if (identity.improv().isPresent()) {
			ImprovDeviceInfo info = identity.improv().get();
			String name = info.firmware().orElse(Messages.ChangeWifi_unknown);
			return info.version().map(version -> name + ' ' + version).orElse(name);
		}
		return identity.micropython().map(id -> id.implementation() + ' ' + id.version())
				.orElse(Messages.ChangeWifi_unknown);
	}

	private void layout() {
		((Composite) getControl()).layout(true);
	}
}
