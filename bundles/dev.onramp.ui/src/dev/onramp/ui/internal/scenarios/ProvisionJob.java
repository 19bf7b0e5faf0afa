/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.Device;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.Endpoint;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/**
 * Provision with Proof of Possession: ESP-IDF unified provisioning at the device's {@code HOST:PORT}, the security
 * scheme the device reports. A PoP the user asked to remember is stored once the device accepted it; a rejected PoP
 * is never retried, because firmware may stop provisioning after a few mismatches.
 */
public class ProvisionJob extends ScenarioJob {

	/** As the headless command's default. */
	static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final String endpoint;
	private final Secret pop;
	private final Optional<String> username;
	private final String ssid;
	private final Secret password;
	private final boolean remember;
	private final RememberedPops pops;
	private volatile String storageProblem;

	/**
	 * @param pop      the proof of possession, empty when the device needs none; destroyed when the Job ends
	 * @param password destroyed when the Job ends
	 * @param remember keep the PoP in secure storage once the device accepted it; false forgets a remembered one
	 */
	public ProvisionJob(Device device, IDeviceConsole console, Secret pop, Optional<String> username, String ssid,
			Secret password, boolean remember, RememberedPops pops) {
		super(NLS.bind(Messages.Provision_job, DeviceCapabilities.title(device)), device, console);
		this.endpoint = device.endpoint(EndpointKind.PROVISIONING_HTTP).map(Endpoint::address).orElseThrow();
		this.pop = pop;
		this.username = username;
		this.ssid = ssid;
		this.password = password;
		this.remember = remember;
		this.pops = pops;
	}

	@Override
	protected Outcome perform(ScenarioServices services, IProgressMonitor monitor) throws OnrampException {
		SubMonitor sub = SubMonitor.convert(monitor, getName(), 10);
		String key = DeviceCapabilities.key(device());
		if (!remember) {
			forget(key);
		}
		ProvisioningTarget target = new ProvisioningTarget(endpoint, "auto", username.orElse(null), //$NON-NLS-1$
				pop.isEmpty() ? Optional.empty() : Optional.of(pop), TIMEOUT);
		try (IProtocommSession session = services.protocomm().open(target, sub.split(3))) {
			if (remember && !pop.isEmpty()) {
				remember(key);
			}
			ProtocommOutcome outcome = session.provision(new WifiCredentials(ssid, password), sub.split(7));
			String text = outcome.confirmed()
					? NLS.bind(Messages.Provision_joined, new Object[] { endpoint, ssid,
							outcome.result().ipAddress().orElse(Messages.Provision_noAddress), session.security() })
					: NLS.bind(Messages.Provision_unconfirmed, endpoint, ssid);
			if (storageProblem != null) {
				text += "\n\n" + storageProblem; //$NON-NLS-1$
			}
			return Outcome.success(Messages.Provision_title, text);
		}
	}

	private void remember(String key) {
		try {
			pops.remember(key, pop);
		} catch (StorageException | IOException e) {
			storageNotUsed(e);
		}
	}

	private void forget(String key) {
		try {
			pops.forget(key);
		} catch (StorageException | IOException e) {
			storageNotUsed(e);
		}
	}

	private void storageNotUsed(Exception e) {
		// the storage's message names its file or its crypto, never the value
		storageProblem = NLS.bind(Messages.Provision_storageFailed, e.getMessage());
		ILog.of(ProvisionJob.class).warn(storageProblem);
	}

	@Override
	protected String failureText(OnrampException failure) {
		String text = super.failureText(failure);
		if (failure.reason() == FailureReason.HANDSHAKE_REJECTED) {
			text += "\n\n" + Messages.Provision_notRetried; //$NON-NLS-1$
		}
		return text;
	}

	@Override
	protected String failureTitle() {
		return Messages.Provision_failedTitle;
	}

	@Override
	protected void dispose() {
		pop.destroy();
		password.destroy();
	}
}
