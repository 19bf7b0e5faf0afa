/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.wifi;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;

import dev.onramp.core.Device;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;
import dev.onramp.ui.internal.scenarios.RememberedPops;
import dev.onramp.ui.internal.wizards.DeviceStep;

/**
 * Provision with PoP, page 1: how the device is reached (SoftAP HOST:PORT, its console port, or its BLE name), the
 * security scheme once the device reported it, the proof of possession and the security 2 user name, and whether to
 * remember the PoP. The wizard opens the session when the user leaves the page; a remembered PoP is read by a Job
 * after the page shows, so building it does no I/O.
 */
final class EndpointPage extends WizardPage {

	private static final char ECHO = '\u25cf';
	private static final ProvisioningTransport[] TRANSPORTS = { ProvisioningTransport.SOFTAP,
			ProvisioningTransport.CONSOLE, ProvisioningTransport.BLE };

	private final Device device;
	private final RememberedPops pops;
	private Combo transport;
	private Text address;
	private Label scheme;
	private Text pop;
	private Text username;
	private Button remember;
	private Label problem;
	private boolean recalled;

	EndpointPage(Device device, RememberedPops pops) {
		super("endpoint"); //$NON-NLS-1$
		this.device = device;
		this.pops = pops;
		setTitle(Messages.Provision_endpointTitle);
		setDescription(Messages.Provision_endpointDescription);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);

		label(page, Messages.Provision_transport);
		transport = new Combo(page, SWT.READ_ONLY);
		transport.setItems(Messages.Provision_softap, Messages.Provision_console, Messages.Provision_ble);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(transport);
		new Label(page, SWT.NONE);

		label(page, Messages.Provision_address);
		address = new Text(page, SWT.SINGLE | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(address);
		address.addListener(SWT.Modify, e -> validate());
		new Label(page, SWT.NONE);
		Optional<String> softap = device.endpoint(EndpointKind.PROVISIONING_HTTP).map(Endpoint::address);
		Optional<String> serial = DeviceCapabilities.serialPort(device);
		transport.select(softap.isEmpty() && serial.isPresent() ? 1 : 0);
		address.setText(softap.or(() -> serial).orElse("")); //$NON-NLS-1$
		transport.addListener(SWT.Selection, e -> transportChosen());

		label(page, Messages.Provision_scheme);
		scheme = new Label(page, SWT.NONE);
		scheme.setText(Messages.Provision_schemeUnknown);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(scheme);

		label(page, Messages.Provision_pop);
		pop = new Text(page, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
		pop.setMessage(Messages.Provision_popHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(pop);
		Button show = new Button(page, SWT.CHECK);
		show.setText(Messages.Network_show);
		show.addListener(SWT.Selection, e -> pop.setEchoChar(show.getSelection() ? '\0' : ECHO));

		label(page, Messages.Provision_username);
		username = new Text(page, SWT.SINGLE | SWT.BORDER);
		username.setText("wifiprov"); //$NON-NLS-1$
		GridDataFactory.fillDefaults().grab(true, false).applyTo(username);
		new Label(page, SWT.NONE);

		new Label(page, SWT.NONE);
		remember = new Button(page, SWT.CHECK);
		remember.setText(Messages.Provision_remember);
		remember.setToolTipText(Messages.Provision_rememberTip);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(remember);

		problem = new Label(page, SWT.WRAP);
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(400, SWT.DEFAULT).indent(0, 10)
				.applyTo(problem);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(page, ProvisionWizard.HELP);
		setControl(page);
		validate();
	}

	private static void label(Composite parent, String text) {
		new Label(parent, SWT.NONE).setText(text);
	}

	private void transportChosen() {
		ProvisioningTransport chosen = transport();
		Optional<String> known = switch (chosen) {
		case SOFTAP -> device.endpoint(EndpointKind.PROVISIONING_HTTP).map(Endpoint::address);
		case CONSOLE -> DeviceCapabilities.serialPort(device);
		case BLE -> device.name();
		};
		address.setText(known.orElse("")); //$NON-NLS-1$
	}

	private void validate() {
		boolean complete = !address.getText().isBlank();
		setPageComplete(complete);
		setErrorMessage(complete ? null : Messages.Provision_addressMissing);
	}

	@Override
	public void setVisible(boolean visible) {
		super.setVisible(visible);
		if (visible && !recalled) {
			recalled = true;
			recall();
		}
	}

	/** Fills in the remembered PoP from secure storage, in a Job, unless the user typed one meanwhile. */
	private void recall() {
		String key = DeviceCapabilities.key(device);
		Job job = new Job(Messages.Provision_recallJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					pops.recall(key).ifPresent(secret -> pop.getDisplay().asyncExec(() -> fill(secret)));
				} catch (StorageException e) {
					ILog.of(EndpointPage.class).warn(NLS.bind(Messages.Provision_storageFailed, e.getMessage()));
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == DeviceRule.FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void fill(Secret secret) {
		try {
			if (!pop.isDisposed() && pop.getCharCount() == 0) {
				char[] chars = secret.chars();
				pop.setTextChars(chars);
				Arrays.fill(chars, '\0');
				remember.setSelection(true);
				problem.setText(Messages.Provision_recalled);
			}
		} finally {
			secret.destroy();
		}
	}

	ProvisioningTransport transport() {
		return TRANSPORTS[Math.max(0, transport.getSelectionIndex())];
	}

	String address() {
		return address.getText().trim();
	}

	String username() {
		String user = username.getText().trim();
		return user.isEmpty() ? null : user;
	}

	boolean remember() {
		return remember.getSelection();
	}

	/** @return the PoP as a secret (the consoles are told to mask it) */
	Secret pop() {
		char[] chars = pop.getTextChars();
		try {
			DeviceStep.maskInConsoles(new String(chars));
			return Secret.of(chars);
		} finally {
			Arrays.fill(chars, '\0');
		}
	}

	/** Shows the scheme the device runs. */
	void scheme(String security) {
		scheme.setText(switch (security) {
		case "0" -> Messages.Provision_scheme0; //$NON-NLS-1$
		case "1" -> Messages.Provision_scheme1; //$NON-NLS-1$
		case "2" -> Messages.Provision_scheme2; //$NON-NLS-1$
		default -> security;
		});
		problem.setText(""); //$NON-NLS-1$
		setErrorMessage(null);
		((Composite) getControl()).layout(true);
	}

	/** Shows why the session did not open, staying on the page. */
	void failed(String text) {
		problem.setText(text);
		setErrorMessage(text.lines().findFirst().orElse(text));
		((Composite) getControl()).layout(true);
	}
}
