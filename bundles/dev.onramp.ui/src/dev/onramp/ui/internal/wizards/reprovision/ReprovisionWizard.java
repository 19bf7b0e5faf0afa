/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.reprovision;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import dev.onramp.core.Device;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.provisioning.ReprovisionResult;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;
import dev.onramp.ui.internal.wizards.DeviceStep;
import dev.onramp.ui.internal.wizards.FirstPageWizard;

/**
 * Re-provision: trust, identity, summary; Finish installs the certificate, resets the board, waits for it and checks
 * over TLS that it serves the new certificate, in the wizard's container (forked, cancellable), then opens the
 * security-warning dialog with Connect to the board.
 */
public class ReprovisionWizard extends FirstPageWizard {

	private final Device device;
	private final ReprovisionSettings settings = new ReprovisionSettings();
	private ReprovisionResult result;

	public ReprovisionWizard(Device device) {
		this.device = device;
		setWindowTitle(NLS.bind(Messages.ReprovisionWizard_title, DeviceCapabilities.title(device)));
		setNeedsProgressMonitor(true);
		setHelpAvailable(true);
	}

	@Override
	public void addPages() {
		addPage(new TrustPage(settings));
		addPage(new IdentityPage(settings, device));
		addPage(new SummaryPage(settings));
	}

	@Override
	public boolean canFinish() {
		// nothing is written before the summary was seen
		return getContainer().getCurrentPage() instanceof SummaryPage && super.canFinish();
	}

	@Override
	public boolean performFinish() {
		String port = DeviceCapabilities.serialPort(device).orElseThrow();
		ReprovisionRequest request = settings.request(port, ReprovisionRequest.DEFAULT_WAIT);
		SummaryPage summary = (SummaryPage) getPage("summary"); //$NON-NLS-1$
		summary.setErrorMessage(null);
		try {
			getContainer().run(true, true,
					monitor -> result = DeviceStep.run(device, NLS.bind(Messages.ReprovisionWizard_job,
							DeviceCapabilities.title(device)), (services, m) -> services.reprovisioner().reprovision(request, m),
							monitor));
		} catch (InvocationTargetException e) {
			if (e.getCause() instanceof OnrampException failure) {
				summary.setErrorMessage(failureText(failure));
			} else {
				ILog.of(ReprovisionWizard.class).error(Messages.ReprovisionWizard_bug, e.getCause());
				summary.setErrorMessage(Messages.ReprovisionWizard_bug);
			}
			return false;
		} catch (InterruptedException e) {
			summary.setMessage(Messages.ReprovisionWizard_cancelled, SummaryPage.INFORMATION);
			return false;
		}
		ReprovisionResult done = result;
		Shell parent = getShell().getParent() instanceof Shell shell ? shell : null;
		getShell().getDisplay().asyncExec(() -> SecurityWarningDialog.open(parent, done, settings.trust, settings.ca));
		return true;
	}

	/** @return the result of the last successful Finish, or null */
	public ReprovisionResult result() {
		return result;
	}

	static String failureText(OnrampException failure) {
		StringBuilder text = new StringBuilder(failure.getMessage());
		failure.hint().ifPresent(hint -> text.append(' ').append(hint));
		return text.toString();
	}

}
