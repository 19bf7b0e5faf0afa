/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.onramp.core.Device;
import dev.onramp.core.Hostnames;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/** Re-provision: who vouches for the new certificate (the local CA or the device itself) and, optionally, its name. */
public class ReprovisionDialog extends ScenarioDialog {

	private Button localCa;
	private Button selfSigned;
	private Text hostname;

	public ReprovisionDialog(Shell parent, Device device) {
		super(parent, device);
	}

	@Override
	protected String title() {
		return Messages.ReprovisionDialog_title;
	}

	@Override
	protected String description() {
		return NLS.bind(Messages.ReprovisionDialog_description, DeviceCapabilities.title(device));
	}

	@Override
	protected String runLabel() {
		return Messages.ReprovisionDialog_run;
	}

	@Override
	protected void createFields(Composite fields) {
		label(fields, Messages.ReprovisionDialog_trust);
		localCa = new Button(fields, SWT.RADIO);
		localCa.setText(Messages.ReprovisionDialog_localCa);
		localCa.setSelection(true);
		new Label(fields, SWT.NONE);
		new Label(fields, SWT.NONE);
		selfSigned = new Button(fields, SWT.RADIO);
		selfSigned.setText(Messages.ReprovisionDialog_selfSigned);
		new Label(fields, SWT.NONE);
		Label explanation = new Label(fields, SWT.WRAP);
		explanation.setText(Messages.ReprovisionDialog_trustExplanation);
		GridDataFactory.fillDefaults().span(3, 1).hint(420, SWT.DEFAULT).applyTo(explanation);
		hostname = textField(fields, Messages.ReprovisionDialog_hostname,
				device.hostname().orElse(Messages.ReprovisionDialog_hostnameHint));
	}

	@Override
	protected String problem() {
		String name = hostname == null ? "" : hostname.getText().trim(); //$NON-NLS-1$
		return name.isEmpty() || Hostnames.isValidDeviceHostname(name) ? null
				: NLS.bind(Messages.ReprovisionDialog_badHostname, name);
	}

	@Override
	protected Job createJob(IDeviceConsole console) {
		String name = hostname.getText().trim();
		return new ReprovisionJob(device, console, selfSigned.getSelection() ? TrustMode.SELF_SIGNED : TrustMode.CA,
				name.isEmpty() ? Optional.empty() : Optional.of(Hostnames.withoutLocalSuffix(name)));
	}
}
