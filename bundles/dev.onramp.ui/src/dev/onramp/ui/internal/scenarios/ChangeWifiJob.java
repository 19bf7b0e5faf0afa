/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.Device;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;

/**
 * Change Wi-Fi over USB: asks the board which protocol it speaks (the identifier the headless change-wifi uses for
 * its automatic protocol), then gives it the network through that transport's provisioner.
 */
public class ChangeWifiJob extends ScenarioJob {

	/** As the headless command: a join can take ~30 s to fail. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

	private final String port;
	private final String ssid;
	private final Secret password;

	/** @param password destroyed when the Job ends */
	public ChangeWifiJob(Device device, IDeviceConsole console, String ssid, Secret password) {
		super(NLS.bind(Messages.ChangeWifi_job, DeviceCapabilities.title(device)), device, console);
		this.port = DeviceCapabilities.serialPort(device).orElseThrow();
		this.ssid = ssid;
		this.password = password;
	}

	@Override
	protected Outcome perform(ScenarioServices services, IProgressMonitor monitor) throws OnrampException {
		SubMonitor sub = SubMonitor.convert(monitor, getName(), 10);
		PortIdentity identity = identify(services, sub.split(3));
		String transport = transportFor(identity);
		IWifiProvisioner provisioner = services.wifi(transport);
		sub.subTask(NLS.bind(Messages.ChangeWifi_answeredAs, identity.kindKey(), transport));
		ProvisioningTarget target = new ProvisioningTarget(port, null, null, Optional.empty(), CONNECT_TIMEOUT);
		ProvisioningResult result = provisioner.provision(target, new WifiCredentials(ssid, password), sub.split(7));
		String joined = result.ipAddress()
				.map(ip -> NLS.bind(Messages.ChangeWifi_joinedWithIp, new Object[] { port, ssid, ip, transport }))
				.orElseGet(() -> NLS.bind(Messages.ChangeWifi_joined, new Object[] { port, ssid, transport }));
		if (!result.remembered()) {
			joined += "\n\n" + Messages.ChangeWifi_notRemembered; //$NON-NLS-1$
		}
		return Outcome.success(Messages.ChangeWifi_title, joined);
	}

	/** A silent or unreadable line says what Onramp would have talked, as the headless command does. */
	private PortIdentity identify(ScenarioServices services, IProgressMonitor monitor) throws OnrampException {
		try {
			return services.identifier().identify(port, monitor);
		} catch (OnrampException e) {
			if (e.reason() != FailureReason.TIMEOUT) {
				throw e;
			}
			throw new OnrampException(e.reason(), NLS.bind(Messages.ChangeWifi_cannotTell, port, e.getMessage()),
					e.hint().orElse(null), e);
		}
	}

	private static String transportFor(PortIdentity identity) throws OnrampException {
		return switch (identity.kind()) {
		case IMPROV -> "improv"; //$NON-NLS-1$
		case MICROPYTHON, PYDIRECT -> "repl"; //$NON-NLS-1$
		default -> throw new OnrampException(FailureReason.PROTOCOL_ERROR,
				NLS.bind(Messages.ChangeWifi_consoleAnswered, identity.port()), Messages.ChangeWifi_consoleHint);
		};
	}

	@Override
	protected String failureTitle() {
		return Messages.ChangeWifi_failedTitle;
	}

	@Override
	protected void dispose() {
		password.destroy();
	}
}
