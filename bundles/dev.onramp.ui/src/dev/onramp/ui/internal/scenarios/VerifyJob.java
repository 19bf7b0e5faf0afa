/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.net.URI;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.Device;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.CertificateReport;
import dev.onramp.core.certs.VerificationRequest;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/** Verify Certificate: a TLS handshake with the device, judged by the local certificate authority. */
public class VerifyJob extends ScenarioJob {

	private final URI url;

	public VerifyJob(Device device, IDeviceConsole console) {
		super(NLS.bind(Messages.Verify_job, DeviceCapabilities.title(device)), device, console);
		this.url = URI.create(DeviceCapabilities.httpsUrl(device).orElseThrow());
	}

	@Override
	protected Outcome perform(ScenarioServices services, IProgressMonitor monitor) throws OnrampException {
		monitor.beginTask(NLS.bind(Messages.Verify_task, url), 1);
		CertificateReport report = services.verifier().check(VerificationRequest.againstLocalCa(url));
		monitor.worked(1);
		String certificate = report.served()
				.map(served -> NLS.bind(Messages.Verify_served, new Object[] { served.subject(),
						String.join(", ", served.subjectAlternativeNames()), served.issuer(), served.notAfter(), //$NON-NLS-1$
						served.fingerprintSha256() }))
				.orElse(""); //$NON-NLS-1$
		if (report.matches()) {
			return Outcome.success(Messages.Verify_title,
					NLS.bind(Messages.Verify_match, url) + "\n\n" + report.detail() + certificate); //$NON-NLS-1$
		}
		String hint = switch (report.outcome()) {
		case DIFFERENT_CERTIFICATE -> Messages.Verify_hintDifferent;
		case EXPIRED -> Messages.Verify_hintExpired;
		case UNTRUSTED -> Messages.Verify_hintUntrusted;
		case HOSTNAME_MISMATCH -> Messages.Verify_hintHostname;
		case UNREACHABLE -> Messages.Verify_hintUnreachable;
		case MATCH -> ""; //$NON-NLS-1$
		};
		String outcomeWords = report.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Outcome.failure(Messages.Verify_mismatchTitle, NLS.bind(Messages.Verify_mismatch, url, outcomeWords)
				+ "\n\n" + report.detail() + "\n\n" + hint + certificate); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	protected String failureTitle() {
		return Messages.Verify_failedTitle;
	}
}
