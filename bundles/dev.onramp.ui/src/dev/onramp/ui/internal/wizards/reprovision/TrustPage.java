/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.ICertificateAuthority;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

/** Page 1: who vouches for the certificate, and what the browser will show for each choice. */
final class TrustPage extends WizardPage {

	static final String CA_PREFERENCE_PAGE = "dev.onramp.ui.preferences.ca"; //$NON-NLS-1$

	private final ReprovisionSettings settings;
	private Label caState;

	TrustPage(ReprovisionSettings settings) {
		super("trust"); //$NON-NLS-1$
		this.settings = settings;
		setTitle(Messages.TrustPage_title);
		setDescription(Messages.TrustPage_description);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(page);
		Button localCa = radio(page, Messages.TrustPage_localCa, TrustMode.CA);
		localCa.setSelection(settings.trust == TrustMode.CA);
		explain(page, Messages.TrustPage_localCaBrowser);
		caState = new Label(page, SWT.NONE);
		caState.setText(Messages.TrustPage_caChecking);
		GridDataFactory.fillDefaults().grab(true, false).indent(20, 0).applyTo(caState);
		Link preferences = new Link(page, SWT.NONE);
		preferences.setText(Messages.TrustPage_caLink);
		GridDataFactory.fillDefaults().indent(20, 0).applyTo(preferences);
		preferences.addListener(SWT.Selection, e -> PreferencesUtil
				.createPreferenceDialogOn(getShell(), CA_PREFERENCE_PAGE, new String[] { CA_PREFERENCE_PAGE }, null)
				.open());
		Button selfSigned = radio(page, Messages.TrustPage_selfSigned, TrustMode.SELF_SIGNED);
		selfSigned.setSelection(settings.trust == TrustMode.SELF_SIGNED);
		explain(page, Messages.TrustPage_selfSignedBrowser);
		setControl(page);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(page, HelpContexts.REPROVISION_WIZARD);
		lookUpCa();
	}

	private Button radio(Composite page, String text, TrustMode mode) {
		Button radio = new Button(page, SWT.RADIO);
		radio.setText(text);
		GridDataFactory.fillDefaults().indent(0, 8).applyTo(radio);
		radio.addListener(SWT.Selection, e -> {
			if (radio.getSelection() && settings.trust != mode) {
				settings.trust = mode;
				settings.validityDays = ReprovisionSettings.defaultValidity(mode);
				// the pyDirect web installer's profile is RSA; the CA's, EC
				settings.keyType = mode == TrustMode.CA ? KeyType.EC_P256 : KeyType.RSA_2048;
			}
		});
		return radio;
	}

	private static void explain(Composite page, String text) {
		Label label = new Label(page, SWT.NONE);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).indent(20, 0).applyTo(label);
	}

	/** Reads whether a CA exists in a Job: the page is built without I/O. */
	private void lookUpCa() {
		Job job = Job.create(Messages.TrustPage_caJob, monitor -> {
			String text;
			Optional<CaInfo> found = Optional.empty();
			try {
				found = Services.call(ICertificateAuthority.class, ICertificateAuthority::info);
				text = found.map(ca -> NLS.bind(Messages.TrustPage_caExists, ca.subject(), ca.fingerprintSha256()))
						.orElse(Messages.TrustPage_caMissing);
			} catch (OnrampException e) {
				text = NLS.bind(Messages.TrustPage_caUnknown, e.userText());
			}
			Optional<CaInfo> ca = found;
			String state = text;
			caState.getDisplay().asyncExec(() -> {
				if (!caState.isDisposed()) {
					settings.ca = ca;
					caState.setText(state);
					caState.getParent().layout(true, true);
				}
			});
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}
}
