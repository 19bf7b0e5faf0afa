/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.IWizardContainer2;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PlatformUI;

import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;

/** Page 3: the certificate that will be issued and what will happen, before anything is written to the board. */
final class SummaryPage extends WizardPage {

	private final ReprovisionSettings settings;
	private Label subject;
	private Label sans;
	private Label issuer;
	private Label validity;
	private Label key;
	private Label steps;

	SummaryPage(ReprovisionSettings settings) {
		super("summary"); //$NON-NLS-1$
		this.settings = settings;
		setTitle(Messages.SummaryPage_title);
		setDescription(Messages.SummaryPage_description);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
		subject = row(page, Messages.SummaryPage_subject);
		sans = row(page, Messages.SummaryPage_sans);
		issuer = row(page, Messages.SummaryPage_issuer);
		validity = row(page, Messages.SummaryPage_validity);
		key = row(page, Messages.SummaryPage_key);
		Label heading = new Label(page, SWT.NONE);
		heading.setText(Messages.SummaryPage_whatHappens);
		GridDataFactory.fillDefaults().span(2, 1).indent(0, 10).applyTo(heading);
		steps = new Label(page, SWT.NONE);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(steps);
		setControl(page);
		PlatformUI.getWorkbench().getHelpSystem().setHelp(page, HelpContexts.REPROVISION_WIZARD);
	}

	private static Label row(Composite page, String name) {
		new Label(page, SWT.NONE).setText(name);
		Label value = new Label(page, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
		return value;
	}

	@Override
	public void setVisible(boolean visible) {
		if (visible) {
			show();
		}
		super.setVisible(visible);
	}

	private void show() {
		String name = settings.localName();
		subject.setText("CN=" + name); //$NON-NLS-1$
		sans.setText(NLS.bind(Messages.SummaryPage_sansValue, name));
		if (settings.trust == TrustMode.SELF_SIGNED) {
			issuer.setText(Messages.SummaryPage_selfIssued);
		} else if (settings.ca == null) {
			issuer.setText(Messages.SummaryPage_caIssuer);
		} else {
			issuer.setText(settings.ca.map(ca -> NLS.bind(Messages.SummaryPage_caIssuerNamed, ca.subject()))
					.orElse(Messages.SummaryPage_caToBeCreated));
		}
		LocalDate until = LocalDate.now().plusDays(settings.validityDays);
		validity.setText(NLS.bind(Messages.SummaryPage_validityValue, Integer.valueOf(settings.validityDays),
				until.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM))));
		key.setText(settings.keyType == KeyType.RSA_2048 ? Messages.SummaryPage_rsa : Messages.SummaryPage_ec);
		steps.setText(NLS.bind(Messages.SummaryPage_steps, name));
		((Composite) getControl()).layout(true, true);
		if (getContainer() instanceof IWizardContainer2 container) {
			container.updateSize(); // the texts were empty when the dialog took its size
		}
	}
}
