/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import java.lang.reflect.InvocationTargetException;
import java.util.OptionalInt;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;

import dev.onramp.core.Device;
import dev.onramp.core.Hostnames;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CertificateProfiles;
import dev.onramp.core.certs.KeyType;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;
import dev.onramp.ui.internal.wizards.DeviceStep;

/**
 * Page 2: the certificate's host name (read from the board the first time the page shows, editable), key type and
 * validity, and the port the board's HTTPS is reached at when it is forwarded.
 */
final class IdentityPage extends WizardPage {

	private final ReprovisionSettings settings;
	private final Device device;
	private Text hostname;
	private Button ec;
	private Button rsa;
	private Spinner validity;
	private Text httpsPort;
	private boolean asked;

	IdentityPage(ReprovisionSettings settings, Device device) {
		super("identity"); //$NON-NLS-1$
		this.settings = settings;
		this.device = device;
		setTitle(Messages.IdentityPage_title);
		setDescription(Messages.IdentityPage_description);
		setPageComplete(false);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
		label(page, Messages.IdentityPage_hostname);
		hostname = new Text(page, SWT.BORDER);
		hostname.setText(device.hostname().map(Hostnames::withoutLocalSuffix).orElse("")); //$NON-NLS-1$
		hostname.setMessage(Messages.IdentityPage_hostnameHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(hostname);
		hostname.addModifyListener(e -> validate());

		label(page, Messages.IdentityPage_keyType);
		Composite keys = new Composite(page, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(keys);
		ec = new Button(keys, SWT.RADIO);
		ec.setText(Messages.IdentityPage_ec);
		rsa = new Button(keys, SWT.RADIO);
		rsa.setText(Messages.IdentityPage_rsa);
		ec.addListener(SWT.Selection, e -> validate());
		rsa.addListener(SWT.Selection, e -> validate());

		label(page, Messages.IdentityPage_validity);
		validity = new Spinner(page, SWT.BORDER);
		validity.setMinimum(1);
		validity.setMaximum(CertificateProfiles.MAX_SELF_SIGNED_VALIDITY_DAYS);
		validity.addModifyListener(e -> validate());

		label(page, Messages.IdentityPage_httpsPort);
		httpsPort = new Text(page, SWT.BORDER);
		httpsPort.setMessage(Messages.IdentityPage_httpsPortHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(httpsPort);
		httpsPort.addModifyListener(e -> validate());
		Label note = new Label(page, SWT.NONE);
		note.setText(Messages.IdentityPage_note);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(note);
		setControl(page);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(page, HelpContexts.REPROVISION_WIZARD);
	}

	private static void label(Composite page, String text) {
		new Label(page, SWT.NONE).setText(text);
	}

	@Override
	public void setVisible(boolean visible) {
		if (visible) {
			// the trust page may have changed the defaults
			ec.setSelection(settings.keyType == KeyType.EC_P256);
			rsa.setSelection(settings.keyType == KeyType.RSA_2048);
			validity.setMaximum(CertificateProfiles.maxValidityDays(settings.trust));
			validity.setSelection(Math.min(settings.validityDays, validity.getMaximum()));
		}
		super.setVisible(visible);
		if (visible && !asked) {
			asked = true;
			// after the page shows: the container runs the board's identification with its progress and Cancel
			getShell().getDisplay().asyncExec(this::readHostnameFromBoard);
		}
		if (visible) {
			validate();
		}
	}

	private void readHostnameFromBoard() {
		if (hostname.isDisposed()) {
			return;
		}
		String port = DeviceCapabilities.serialPort(device).orElse(null);
		if (port == null) {
			return;
		}
		String[] found = new String[1];
		try {
			getContainer().run(true, true, monitor -> found[0] = DeviceStep.run(device, Messages.IdentityPage_reading,
					(services, m) -> {
						m.beginTask(Messages.IdentityPage_reading, org.eclipse.core.runtime.IProgressMonitor.UNKNOWN);
						return services.identifier().identify(port, m).hostname().orElse(null);
					}, monitor));
		} catch (InvocationTargetException e) {
			String text = e.getCause() instanceof OnrampException failure ? failure.userText()
					: String.valueOf(e.getCause());
			setMessage(NLS.bind(Messages.IdentityPage_notRead, text), WARNING);
			return;
		} catch (InterruptedException e) {
			setMessage(Messages.IdentityPage_readCancelled, INFORMATION);
			return;
		}
		if (found[0] != null && !hostname.isDisposed()) {
			hostname.setText(Hostnames.withoutLocalSuffix(found[0]));
			setMessage(NLS.bind(Messages.IdentityPage_read, Hostnames.toLocal(found[0])), INFORMATION);
		}
	}

	private void validate() {
		String name = hostname.getText().trim();
		settings.hostname = name;
		settings.keyType = rsa.getSelection() ? KeyType.RSA_2048 : KeyType.EC_P256;
		settings.validityDays = validity.getSelection();
		String error = null;
		// an empty name is not an error (the page's message says why it is empty): the page is just not complete
		if (!name.isEmpty() && !Hostnames.isValidDeviceHostname(name)) {
			error = NLS.bind(Messages.IdentityPage_badHostname, name);
		}
		settings.httpsPort = OptionalInt.empty();
		String portText = httpsPort.getText().trim();
		if (error == null && !portText.isEmpty()) {
			try {
				int value = Integer.parseInt(portText);
				if (value < 1 || value > 65535) {
					throw new NumberFormatException();
				}
				settings.httpsPort = value == 443 ? OptionalInt.empty() : OptionalInt.of(value);
			} catch (NumberFormatException e) {
				error = NLS.bind(Messages.IdentityPage_badPort, portText);
			}
		}
		setErrorMessage(error);
		setPageComplete(error == null && !name.isEmpty());
	}
}
