/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.Device;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.core.provisioning.ReprovisionRequest;
import dev.onramp.core.provisioning.ReprovisionResult;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/** Re-provision ("bless"): a new HTTPS certificate for a pyDirect/MicroPython board, as the headless command does. */
public class ReprovisionJob extends ScenarioJob {

	private final ReprovisionRequest request;

	/** @param hostname the host name to certify; empty for the one the board reports */
	public ReprovisionJob(Device device, IDeviceConsole console, TrustMode trust, Optional<String> hostname) {
		super(NLS.bind(Messages.Reprovision_job, DeviceCapabilities.title(device)), device, console);
		this.request = new ReprovisionRequest(DeviceCapabilities.serialPort(device).orElseThrow(), trust, hostname,
				List.of(), KeyType.EC_P256, OptionalInt.empty(), true, ReprovisionRequest.DEFAULT_WAIT);
	}

	public ReprovisionRequest request() {
		return request;
	}

	@Override
	protected Outcome perform(ScenarioServices services, IProgressMonitor monitor) throws OnrampException {
		ReprovisionResult result = services.reprovisioner().reprovision(request, monitor);
		StringBuilder text = new StringBuilder(NLS.bind(Messages.Reprovision_installed,
				new Object[] { result.hostname(), result.fingerprintSha256(), result.notAfter() }));
		text.append("\n\n"); //$NON-NLS-1$
		text.append(result.verified()
				? NLS.bind(Messages.Reprovision_verified, result.foundBy(), result.ipAddress().orElse("-")) //$NON-NLS-1$
				: Messages.Reprovision_notVerified);
		text.append("\n\n").append(NLS.bind(Messages.Reprovision_connect, result.url())); //$NON-NLS-1$
		return new Outcome(true, Messages.Reprovision_title, text.toString(), result.url());
	}

	@Override
	protected String failureTitle() {
		return Messages.Reprovision_failedTitle;
	}
}
