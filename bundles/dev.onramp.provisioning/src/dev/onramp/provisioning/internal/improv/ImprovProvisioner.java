/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.improv;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.ISerialPortService;

/** Improv Wi-Fi over the device's serial port ({@code --port P}). */
@Component(service = IWifiProvisioner.class, property = "transport=improv")
public class ImprovProvisioner implements IWifiProvisioner {

	static final int BAUD_RATE = 115200;
	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);

	private final ISerialPortService ports;

	@Activate
	public ImprovProvisioner(@Reference ISerialPortService ports) {
		this.ports = ports;
	}

	@Override
	public String transport() {
		return "improv"; //$NON-NLS-1$
	}

	@Override
	public List<WifiNetwork> scan(ProvisioningTarget target, IProgressMonitor monitor) throws OnrampException {
		try (IByteChannel channel = ports.open(target.address(), BAUD_RATE)) {
			return client(channel, target).scan(monitor == null ? new NullProgressMonitor() : monitor);
		}
	}

	@Override
	public ProvisioningResult provision(ProvisioningTarget target, WifiCredentials credentials,
			IProgressMonitor monitor) throws OnrampException {
		try (IByteChannel channel = ports.open(target.address(), BAUD_RATE)) {
			return provision(client(channel, target), credentials,
					monitor == null ? new NullProgressMonitor() : monitor);
		}
	}

	/** The Improv steps on an open line: check the state, send the settings, read the device's URL. */
	public static ProvisioningResult provision(ImprovClient client, WifiCredentials credentials,
			IProgressMonitor monitor) throws OnrampException {
		monitor.subTask("Asking the device for its Improv state"); //$NON-NLS-1$
		int state = client.requestState();
		if (state == ImprovClient.STATE_AWAITING_AUTHORIZATION) {
			throw new OnrampException(FailureReason.HANDSHAKE_REJECTED, "The device waits for authorization.", //$NON-NLS-1$
					"Press the device's button (or confirm on it) to authorize, then run again."); //$NON-NLS-1$
		}
		ImprovClient.Provisioned provisioned = client.sendWifi(credentials, monitor);
		return new ProvisioningResult(credentials.ssid(), provisioned.url().flatMap(ImprovProvisioner::host),
				"improv"); //$NON-NLS-1$
	}

	private static Optional<String> host(String url) {
		try {
			return Optional.ofNullable(URI.create(url).getHost());
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** @param target its timeout bounds a connection attempt, which can take ~30 s to fail */
	public static ImprovClient client(IByteChannel channel, ProvisioningTarget target) {
		return new ImprovClient(channel, ANSWER_TIMEOUT, target.timeout());
	}
}
