/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.wizards.wifi;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.IPageChangingListener;
import org.eclipse.jface.dialogs.PageChangingEvent;
import org.eclipse.jface.wizard.IWizardContainer;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.util.NLS;

import dev.onramp.core.Device;
import dev.onramp.core.FailureReason;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.IProtocommSession;
import dev.onramp.core.provisioning.ProtocommOutcome;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;
import dev.onramp.ui.internal.scenarios.RememberedPops;
import dev.onramp.ui.internal.wizards.DeviceStep;
import dev.onramp.ui.internal.wizards.FirstPageWizard;

/**
 * Provision with Proof of Possession (seed 1): ESP-IDF unified provisioning over SoftAP, the console port or BLE. The
 * secure session opens when the user leaves the first page (so a wrong PoP is said there, and never retried: firmware
 * may stop provisioning after a few mismatches), stays open for the scan and the apply, and is closed on finish,
 * cancel and dispose. A wrong password offers a Retry that resets the device's failed attempt.
 */
public class ProvisionWizard extends FirstPageWizard implements IPageChangingListener {

	/** The context help of the wizard's pages (the Help contents define it). */
	static final String HELP = "dev.onramp.ui.provision_wizard"; //$NON-NLS-1$

	/** As the headless command's default. */
	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final Device device;
	private final RememberedPops pops;
	private EndpointPage endpoint;
	private NetworkPage network;
	private ResultPage result;
	private volatile IProtocommSession session;
	private Secret pop;
	private volatile String storageProblem;
	private boolean done;

	public ProvisionWizard(Device device, RememberedPops pops) {
		this.device = device;
		this.pops = pops;
		setWindowTitle(Messages.Provision_windowTitle);
		setNeedsProgressMonitor(true);
		setHelpAvailable(true);
	}

	@Override
	public void addPages() {
		endpoint = new EndpointPage(device, pops);
		addPage(endpoint);
		network = new NetworkPage(this::scan, HELP);
		addPage(network);
		result = new ResultPage(Messages.Provision_resultTitle, Messages.Provision_resultDescription, HELP);
		addPage(result);
	}

	@Override
	public void setContainer(IWizardContainer container) {
		super.setContainer(container);
		if (container instanceof WizardDialog dialog) {
			dialog.addPageChangingListener(this);
		}
	}

	@Override
	public IWizardPage getNextPage(IWizardPage page) {
		return page == network ? null : super.getNextPage(page);
	}

	@Override
	public boolean canFinish() {
		return done || network.isPageComplete() && getContainer().getCurrentPage() == network;
	}

	private String title() {
		return DeviceCapabilities.title(device);
	}

	@Override
	public void handlePageChanging(PageChangingEvent event) {
		if (event.getCurrentPage() == endpoint && event.getTargetPage() == network) {
			event.doit = open();
		}
	}

	/** Opens the secure session with what page 1 holds; on failure stays on page 1 and says why. */
	private boolean open() {
		String address = endpoint.address();
		boolean keep = endpoint.remember();
		Secret proof = endpoint.pop();
		ProvisioningTarget target = new ProvisioningTarget(address, "auto", endpoint.username(), //$NON-NLS-1$
				proof.isEmpty() ? Optional.empty() : Optional.of(proof), TIMEOUT)
				.withTransport(endpoint.transport(), address);
		IProtocommSession previous = session;
		session = null;
		storageProblem = null;
		String key = DeviceCapabilities.key(device);
		AtomicReference<IProtocommSession> opened = new AtomicReference<>();
		try {
			getContainer().run(true, true, monitor -> opened.set(DeviceStep.run(device,
					NLS.bind(Messages.Provision_openJob, address), (services, m) -> {
						if (previous != null) {
							previous.close();
						}
						IProtocommSession established = services.protocomm().open(target, m);
						keepPop(key, keep, proof);
						return established;
					}, monitor)));
		} catch (InvocationTargetException e) {
			String text = DeviceStep.describe(e);
			if (DeviceStep.reason(e) == FailureReason.HANDSHAKE_REJECTED) {
				text += "\n\n" + Messages.Provision_notRetried; //$NON-NLS-1$
			}
			endpoint.failed(text);
			proof.destroy();
			return false;
		} catch (InterruptedException e) {
			proof.destroy();
			return false;
		}
		if (pop != null) {
			pop.destroy();
		}
		pop = proof;
		session = opened.get();
		endpoint.scheme(session.security());
		network.scanWhenShown();
		return true;
	}

	/** Keeps the PoP the device just accepted, if the user asked; forgets a remembered one otherwise. */
	private void keepPop(String key, boolean keep, Secret proof) {
		try {
			if (keep && !proof.isEmpty()) {
				pops.remember(key, proof);
			} else if (!keep) {
				pops.forget(key);
			}
		} catch (StorageException | IOException e) {
			// the storage's message names its file or its crypto, never the value
			storageProblem = NLS.bind(Messages.Provision_storageFailed, e.getMessage());
			ILog.of(ProvisionWizard.class).warn(storageProblem);
		}
	}

	private List<WifiNetwork> scan(IProgressMonitor monitor) throws InvocationTargetException, InterruptedException {
		IProtocommSession open = session;
		return DeviceStep.run(device, NLS.bind(Messages.Provision_scanJob, title()), (services, m) -> open.scan(m),
				monitor);
	}

	@Override
	public boolean performFinish() {
		if (done) {
			return true;
		}
		IProtocommSession open = session;
		String ssid = network.ssid();
		Secret password = network.password();
		AtomicReference<ProtocommOutcome> applied = new AtomicReference<>();
		try {
			getContainer().run(true, true, monitor -> applied.set(DeviceStep.run(device,
					NLS.bind(Messages.Provision_applyJob, title()),
					(services, m) -> open.provision(new WifiCredentials(ssid, password), m), monitor)));
		} catch (InvocationTargetException e) {
			FailureReason reason = DeviceStep.reason(e);
			boolean retry = reason == FailureReason.WIFI_AUTH_FAILED || reason == FailureReason.WIFI_NETWORK_NOT_FOUND;
			network.failed(DeviceStep.describe(e), retry ? this::resetAttempt : null);
			return false;
		} catch (InterruptedException e) {
			return false;
		} finally {
			password.destroy();
		}
		ProtocommOutcome outcome = applied.get();
		String address = endpoint.address();
		String text = outcome.confirmed() ? NLS.bind(Messages.Provision_joined, address, ssid)
				: NLS.bind(Messages.Provision_unconfirmed, address, ssid);
		if (storageProblem != null) {
			text += "\n\n" + storageProblem; //$NON-NLS-1$
		}
		result.show(ssid, outcome.result().ipAddress().orElse(null), device.hostname().orElse(null), text);
		done = true;
		closeSession();
		getContainer().showPage(result);
		return false;
	}

	/** Retry: returns the device to accepting credentials after the failed attempt. */
	private boolean resetAttempt() {
		IProtocommSession open = session;
		try {
			getContainer().run(true, true, monitor -> DeviceStep.run(device,
					NLS.bind(Messages.Network_retryJob, title()), (services, m) -> {
						open.resetAfterFailure(m);
						return Boolean.TRUE;
					}, monitor));
			return true;
		} catch (InvocationTargetException e) {
			network.retryFailed(DeviceStep.describe(e));
			return false;
		} catch (InterruptedException e) {
			return false;
		}
	}

	@Override
	public boolean performCancel() {
		closeSession();
		return true;
	}

	@Override
	public void dispose() {
		closeSession();
		super.dispose();
	}

	/** Closes the session off the UI thread (closing may still talk to the device) and forgets the PoP. */
	private void closeSession() {
		IProtocommSession open = session;
		session = null;
		if (pop != null) {
			pop.destroy();
			pop = null;
		}
		if (open == null) {
			return;
		}
		Job close = new Job(NLS.bind(Messages.Provision_closeJob, title())) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				open.close();
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == DeviceRule.FAMILY;
			}
		};
		close.setSystem(true);
		close.setRule(new DeviceRule(DeviceCapabilities.key(device)));
		close.schedule();
	}
}
