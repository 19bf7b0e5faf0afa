/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;

import dev.onramp.core.Hostnames;
import dev.onramp.core.certs.CaInfo;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.provisioning.ReprovisionResult;

/**
 * After a re-provision: where the board was found, what the browser will show (the warning for a self-signed
 * certificate; none for the local CA once it is trusted) and a Connect to &lt;hostname&gt; button that opens exactly the
 * page the re-provision reported, with the IP address as a fallback when {@code .local} does not resolve. Built
 * without I/O from the result.
 */
public class SecurityWarningDialog extends TitleAreaDialog {

	private static final int CONNECT = IDialogConstants.CLIENT_ID + 1;

	private final ReprovisionResult result;
	private final TrustMode trust;
	private final Optional<CaInfo> ca;

	/** @param ca the local CA as the wizard saw it: empty when none existed, null when unknown */
	SecurityWarningDialog(Shell parent, ReprovisionResult result, TrustMode trust, Optional<CaInfo> ca) {
		super(parent);
		this.result = result;
		this.trust = trust;
		this.ca = ca;
		setHelpAvailable(true);
		setBlockOnOpen(false);
	}

	/** Opens the dialog without blocking the caller. */
	static void open(Shell parent, ReprovisionResult result, TrustMode trust, Optional<CaInfo> ca) {
		new SecurityWarningDialog(parent, result, trust, ca).open();
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.SecurityWarning_window, hostname()));
	}

	private String hostname() {
		return Hostnames.toLocal(result.hostname());
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(NLS.bind(Messages.SecurityWarning_title, hostname()));
		setMessage(trust == TrustMode.SELF_SIGNED ? Messages.SecurityWarning_messageSelfSigned
				: Messages.SecurityWarning_messageCa);
		Composite body = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		GridLayoutFactory.swtDefaults().margins(10, 10).applyTo(body);

		text(body, result.ipAddress()
				.map(ip -> NLS.bind(Messages.SecurityWarning_foundAt, hostname(), ip))
				.orElse(result.verified() ? NLS.bind(Messages.SecurityWarning_found, hostname())
						: NLS.bind(Messages.SecurityWarning_restarting, hostname())));
		if (trust == TrustMode.SELF_SIGNED) {
			text(body, Messages.SecurityWarning_selfSigned);
			text(body, Messages.SecurityWarning_selfSignedChrome);
			text(body, Messages.SecurityWarning_selfSignedFirefox);
			text(body, Messages.SecurityWarning_selfSignedOnce);
		} else {
			text(body, Messages.SecurityWarning_ca);
			Link trustLink = new Link(body, SWT.NONE);
			trustLink.setText(ca != null && ca.isEmpty() ? Messages.SecurityWarning_caNew
					: Messages.SecurityWarning_caTrust);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(trustLink);
			trustLink.addListener(SWT.Selection, e -> PreferencesUtil.createPreferenceDialogOn(getShell(),
					TrustPage.CA_PREFERENCE_PAGE, new String[] { TrustPage.CA_PREFERENCE_PAGE }, null).open());
		}
		ipUrl().ifPresent(url -> {
			Label why = new Label(body, SWT.NONE);
			why.setText(NLS.bind(Messages.SecurityWarning_fallback, hostname()));
			GridDataFactory.fillDefaults().grab(true, false).indent(0, 8).applyTo(why);
			Link fallback = new Link(body, SWT.NONE);
			fallback.setText(NLS.bind(Messages.SecurityWarning_fallbackLink, url));
			GridDataFactory.fillDefaults().grab(true, false).applyTo(fallback);
			fallback.addListener(SWT.Selection, e -> UrlOpeners.open(url));
		});
		PlatformUI.getWorkbench().getHelpSystem().setHelp(area, HelpContexts.SECURITY_WARNING);
		return area;
	}

	private static void text(Composite body, String text) {
		Label label = new Label(body, SWT.NONE);
		label.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).indent(0, 4).applyTo(label);
	}

	/** @return the reported page with the board's IP address in place of its {@code .local} name */
	Optional<String> ipUrl() {
		return result.ipAddress().flatMap(ip -> {
			try {
				URI url = URI.create(result.url());
				String host = ip.contains(":") ? "[" + ip + "]" : ip; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				return Optional.of(new URI(url.getScheme(), null, host, url.getPort(), url.getPath(), url.getQuery(),
						null).toString());
			} catch (URISyntaxException | IllegalArgumentException e) {
				return Optional.empty();
			}
		});
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, CONNECT, NLS.bind(Messages.SecurityWarning_connect, hostname()), true);
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, false);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == CONNECT) {
			UrlOpeners.open(result.url());
			close();
		} else if (buttonId == IDialogConstants.CLOSE_ID) {
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}
}
