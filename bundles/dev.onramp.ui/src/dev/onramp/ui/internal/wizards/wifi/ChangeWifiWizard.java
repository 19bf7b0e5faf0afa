/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.wifi;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.Device;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;
import dev.onramp.ui.internal.wizards.DeviceStep;
import dev.onramp.ui.internal.wizards.FirstPageWizard;

/**
 * Change Wi-Fi over USB (seed 2, step 1): the board and the protocol it answers with (Improv serial or the
 * MicroPython REPL), the networks the board itself sees and the password, then the board's IP address and host name.
 * A wrong password or a network out of reach is shown on the network page so the user can correct it and finish
 * again. Every exchange with the board runs in the container's forked runnable, as a Job with the board's rule.
 */
public class ChangeWifiWizard extends FirstPageWizard {

	/** The context help of the wizard's pages (the Help contents define it). */
	static final String HELP = "dev.onramp.ui.change_wifi_wizard"; //$NON-NLS-1$

	/** As the headless command: a join can take ~30 s to fail. */
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

	private final Device device;
	private final String port;
	private volatile PortIdentity identity;
	private NetworkPage network;
	private ResultPage result;
	private boolean done;

	public ChangeWifiWizard(Device device) {
		this.device = device;
		this.port = DeviceCapabilities.serialPort(device).orElseThrow();
		setWindowTitle(Messages.ChangeWifi_windowTitle);
		setNeedsProgressMonitor(true);
		setHelpAvailable(true);
	}

	@Override
	public void addPages() {
		addPage(new BoardPage(this));
		network = new NetworkPage(this::scan, HELP);
		addPage(network);
		result = new ResultPage(Messages.ChangeWifi_resultTitle, Messages.ChangeWifi_resultDescription, HELP);
		addPage(result);
	}

	String title() {
		return DeviceCapabilities.title(device);
	}

	String port() {
		return port;
	}

	@Override
	public IWizardPage getNextPage(IWizardPage page) {
		return page == network ? null : super.getNextPage(page);
	}

	@Override
	public boolean canFinish() {
		return done || network.isPageComplete() && getContainer().getCurrentPage() == network;
	}

	/** Asks the board who it is, on the container's forked thread. */
	PortIdentity identify(IProgressMonitor monitor) throws InvocationTargetException, InterruptedException {
		identity = null;
		PortIdentity found = DeviceStep.run(device, NLS.bind(Messages.ChangeWifi_detectJob, title()),
				(services, m) -> {
					PortIdentity answered = services.identifier().identify(port, m);
					transport(answered);
					return answered;
				}, monitor);
		identity = found;
		return found;
	}

	private List<WifiNetwork> scan(IProgressMonitor monitor) throws InvocationTargetException, InterruptedException {
		PortIdentity answered = identity;
		return DeviceStep.run(device, NLS.bind(Messages.ChangeWifi_scanJob, title()),
				(services, m) -> services.wifi(transport(answered)).scan(target(), m), monitor);
	}

	private ProvisioningTarget target() {
		return new ProvisioningTarget(port, null, null, Optional.empty(), CONNECT_TIMEOUT);
	}

	private static String transport(PortIdentity identity) throws OnrampException {
		return switch (identity.kind()) {
		case IMPROV -> "improv"; //$NON-NLS-1$
		case MICROPYTHON, PYDIRECT -> "repl"; //$NON-NLS-1$
		default -> throw new OnrampException(FailureReason.PROTOCOL_ERROR,
				NLS.bind(Messages.ChangeWifi_consoleAnswered, identity.port()), Messages.ChangeWifi_consoleHint);
		};
	}

	@Override
	public boolean performFinish() {
		if (done) {
			return true;
		}
		String ssid = network.ssid();
		Secret password = network.password();
		String transport;
		try {
			transport = transport(identity);
		} catch (OnrampException e) {
			network.failed(DeviceStep.describe(e), null);
			return false;
		}
		AtomicReference<ProvisioningResult> joined = new AtomicReference<>();
		try {
			getContainer().run(true, true, monitor -> joined.set(DeviceStep.run(device,
					NLS.bind(Messages.ChangeWifi_applyJob, title()), (services, m) -> services.wifi(transport)
							.provision(target(), new WifiCredentials(ssid, password), m),
					monitor)));
		} catch (InvocationTargetException e) {
			network.failed(DeviceStep.describe(e), null);
			return false;
		} catch (InterruptedException e) {
			return false;
		} finally {
			password.destroy();
		}
		ProvisioningResult outcome = joined.get();
		String text = NLS.bind(Messages.ChangeWifi_joined, port, ssid);
		if (!outcome.remembered()) {
			text += "\n\n" + Messages.ChangeWifi_notRemembered; //$NON-NLS-1$
		}
		String host = identity.hostname().or(device::hostname).orElse(null);
		result.show(ssid, outcome.ipAddress().orElse(null), host, text);
		done = true;
		getContainer().showPage(result);
		return false;
	}
}
