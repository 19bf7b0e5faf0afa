/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.onramp.core.Device;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Endpoint;
import dev.onramp.core.Secret;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;
import dev.onramp.ui.internal.jobs.DeviceRule;

/**
 * Provision with Proof of Possession: the PoP (remembered in secure storage when the user ticks the box), the
 * security 2 username when it is not the default, the network and its password. A remembered PoP is read by a Job
 * after the dialog opened, so building the dialog does no I/O.
 */
public class ProvisionDialog extends ScenarioDialog {

	private final RememberedPops pops;
	private Text pop;
	private Button remember;
	private Text username;
	private Text ssid;
	private Text password;
	private Label recalled;

	public ProvisionDialog(Shell parent, Device device, RememberedPops pops) {
		super(parent, device);
		this.pops = pops;
	}

	@Override
	protected String title() {
		return Messages.ProvisionDialog_title;
	}

	@Override
	protected String description() {
		return NLS.bind(Messages.ProvisionDialog_description, endpoint());
	}

	private String endpoint() {
		return device.endpoint(EndpointKind.PROVISIONING_HTTP).map(Endpoint::address).orElse(""); //$NON-NLS-1$
	}

	@Override
	protected String runLabel() {
		return Messages.ProvisionDialog_run;
	}

	@Override
	protected void createFields(Composite fields) {
		label(fields, Messages.ProvisionDialog_endpoint);
		Text endpoint = new Text(fields, SWT.SINGLE | SWT.READ_ONLY);
		endpoint.setText(endpoint());
		new Label(fields, SWT.NONE);
		pop = secretField(fields, Messages.ProvisionDialog_pop, Messages.ProvisionDialog_popHint);
		new Label(fields, SWT.NONE);
		remember = new Button(fields, SWT.CHECK);
		remember.setText(Messages.ProvisionDialog_remember);
		remember.setToolTipText(Messages.ProvisionDialog_rememberTip);
		recalled = new Label(fields, SWT.NONE);
		username = textField(fields, Messages.ProvisionDialog_username, Messages.ProvisionDialog_usernameHint);
		ssid = textField(fields, Messages.ScenarioDialog_ssid, Messages.ScenarioDialog_ssidHint);
		password = secretField(fields, Messages.ScenarioDialog_password, Messages.ScenarioDialog_passwordHint);
		recallPop();
	}

	/** Fills in the remembered PoP, unless the user has typed one meanwhile. */
	private void recallPop() {
		String key = DeviceCapabilities.key(device);
		Job recall = new Job(Messages.ProvisionDialog_recallJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				Optional<Secret> found;
				try {
					found = pops.recall(key);
				} catch (StorageException e) {
					ILog.of(ProvisionDialog.class).warn(NLS.bind(Messages.Provision_storageFailed, e.getMessage()));
					return Status.OK_STATUS;
				}
				found.ifPresent(secret -> pop.getDisplay().asyncExec(() -> fill(secret)));
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == DeviceRule.FAMILY;
			}
		};
		recall.setSystem(true);
		recall.schedule();
	}

	private void fill(Secret secret) {
		try {
			if (!pop.isDisposed() && pop.getCharCount() == 0) {
				char[] chars = secret.chars();
				pop.setTextChars(chars);
				java.util.Arrays.fill(chars, '\0');
				remember.setSelection(true);
				recalled.setText(Messages.ProvisionDialog_recalled);
				recalled.getParent().layout(true);
			}
		} finally {
			secret.destroy();
		}
	}

	@Override
	protected String problem() {
		return ssid == null ? Messages.ScenarioDialog_ssidMissing : ssidProblem(ssid.getText());
	}

	@Override
	protected Job createJob(IDeviceConsole console) {
		String user = username.getText().trim();
		return new ProvisionJob(device, console, secret(pop), user.isEmpty() ? Optional.empty() : Optional.of(user),
				ssid.getText(), secret(password), remember.getSelection(), pops);
	}
}
