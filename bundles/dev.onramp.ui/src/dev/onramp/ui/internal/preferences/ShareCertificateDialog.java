/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.preferences;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.ICertificateAuthority;

/**
 * Share with a phone: a QR code of the URL where {@link CertificateShareServer} hands out the CA certificate while
 * this dialog is open. The server starts in a Job; the dialog shows the code when it is ready and stops the server
 * when it closes.
 */
public final class ShareCertificateDialog extends Dialog {

	private static final int PIXELS_PER_MODULE = 6;

	private final ICertificateAuthority authority;
	private Label qrCode;
	private Text url;
	private Label status;
	private Image image;
	private volatile CertificateShareServer server;
	private volatile boolean closed;

	public ShareCertificateDialog(Shell parent, ICertificateAuthority authority) {
		super(parent);
		this.authority = authority;
		setBlockOnOpen(false);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.CaShare_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(1, false));
		Label intro = new Label(area, SWT.WRAP);
		intro.setText(Messages.CaShare_intro);
		GridData introData = new GridData(SWT.FILL, SWT.TOP, true, false);
		introData.widthHint = 360;
		intro.setLayoutData(introData);
		qrCode = new Label(area, SWT.CENTER);
		GridData qrData = new GridData(SWT.CENTER, SWT.CENTER, true, true);
		qrData.widthHint = 260;
		qrData.heightHint = 260;
		qrCode.setLayoutData(qrData);
		url = new Text(area, SWT.READ_ONLY | SWT.SINGLE);
		url.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		status = new Label(area, SWT.WRAP);
		status.setText(Messages.CaShare_starting);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		startServer();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == IDialogConstants.CLOSE_ID) {
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	private void startServer() {
		Job start = Job.create(Messages.CaPage_shareJob, monitor -> {
			Optional<InetAddress> address = LanAddress.choose();
			if (address.isEmpty()) {
				show(null, Messages.CaShare_noNetwork);
				return Status.OK_STATUS;
			}
			try {
				CertificateShareServer started = CertificateShareServer.start(address.get(), authority.exportDer(),
						authority.exportPem());
				if (closed) {
					started.close();
					return Status.OK_STATUS;
				}
				server = started;
				show(started.url(), Messages.CaShare_ready);
			} catch (IOException e) {
				show(null, NLS.bind(Messages.CaShare_cannotServe, address.get().getHostAddress(), e.getMessage()));
			} catch (OnrampException e) {
				show(null, e.getMessage());
			}
			return Status.OK_STATUS;
		});
		start.setSystem(true);
		start.schedule();
	}

	private void show(String link, String message) {
		Shell shell = getShell();
		if (shell == null || shell.isDisposed()) {
			return;
		}
		shell.getDisplay().asyncExec(() -> {
			if (qrCode.isDisposed()) {
				return;
			}
			if (link != null) {
				image = new Image(qrCode.getDisplay(), QrCodes.encode(link, PIXELS_PER_MODULE));
				qrCode.setImage(image);
				url.setText(link);
			}
			status.setText(message);
			qrCode.getParent().layout(true, true);
		});
	}

	/** @return the server while the dialog is open, once it started */
	public Optional<CertificateShareServer> server() {
		return Optional.ofNullable(server);
	}

	@Override
	public boolean close() {
		closed = true;
		CertificateShareServer running = server;
		if (running != null) {
			running.close();
		}
		boolean result = super.close();
		if (image != null) {
			image.dispose();
			image = null;
		}
		return result;
	}
}
