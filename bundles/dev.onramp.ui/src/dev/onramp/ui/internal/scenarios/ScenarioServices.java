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
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.certs.ICertificateVerifier;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.provisioning.IProtocommProvisioner;
import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.IWifiProvisioner;

/**
 * The services the scenarios run on, as the headless commands use them. References are bound as service references
 * and the services located only when a scenario asks, from its Job: a Change Wi-Fi never activates the
 * re-provisioner (and with it the device registry and multicast DNS).
 */
@Component(service = ScenarioServices.class)
public class ScenarioServices {

	private static final String WIFI = "wifi"; //$NON-NLS-1$
	private static final String IDENTIFIER = "identifier"; //$NON-NLS-1$
	private static final String PROTOCOMM = "protocomm"; //$NON-NLS-1$
	private static final String REPROVISIONER = "reprovisioner"; //$NON-NLS-1$
	private static final String VERIFIER = "verifier"; //$NON-NLS-1$
	private static final String TRANSPORT = "transport"; //$NON-NLS-1$

	private final List<ServiceReference<IWifiProvisioner>> wifi = new CopyOnWriteArrayList<>();
	private volatile ServiceReference<IDeviceIdentifier> identifier;
	private volatile ServiceReference<IProtocommProvisioner> protocomm;
	private volatile ServiceReference<IReprovisioner> reprovisioner;
	private volatile ServiceReference<ICertificateVerifier> verifier;
	private ComponentContext context;

	@Activate
	void activate(ComponentContext componentContext) {
		this.context = componentContext;
	}

	@Reference(name = WIFI, service = IWifiProvisioner.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addWifi(ServiceReference<IWifiProvisioner> reference) {
		wifi.add(reference);
	}

	void removeWifi(ServiceReference<IWifiProvisioner> reference) {
		wifi.remove(reference);
	}

	@Reference(name = IDENTIFIER, service = IDeviceIdentifier.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setIdentifier(ServiceReference<IDeviceIdentifier> reference) {
		identifier = reference;
	}

	void unsetIdentifier(ServiceReference<IDeviceIdentifier> reference) {
		if (identifier == reference) {
			identifier = null;
		}
	}

	@Reference(name = PROTOCOMM, service = IProtocommProvisioner.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setProtocomm(ServiceReference<IProtocommProvisioner> reference) {
		protocomm = reference;
	}

	void unsetProtocomm(ServiceReference<IProtocommProvisioner> reference) {
		if (protocomm == reference) {
			protocomm = null;
		}
	}

	@Reference(name = REPROVISIONER, service = IReprovisioner.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setReprovisioner(ServiceReference<IReprovisioner> reference) {
		reprovisioner = reference;
	}

	void unsetReprovisioner(ServiceReference<IReprovisioner> reference) {
		if (reprovisioner == reference) {
			reprovisioner = null;
		}
	}

	@Reference(name = VERIFIER, service = ICertificateVerifier.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setVerifier(ServiceReference<ICertificateVerifier> reference) {
		verifier = reference;
	}

	void unsetVerifier(ServiceReference<ICertificateVerifier> reference) {
		if (verifier == reference) {
			verifier = null;
		}
	}

	/** @param transport {@code improv} or {@code repl} (the DS property {@code transport}) */
	public IWifiProvisioner wifi(String transport) throws OnrampException {
		for (ServiceReference<IWifiProvisioner> reference : wifi) {
			if (transport.equals(reference.getProperty(TRANSPORT))) {
				IWifiProvisioner service = (IWifiProvisioner) context.locateService(WIFI, reference);
				if (service != null) {
					return service;
				}
			}
		}
		throw missing(transport);
	}

	public IDeviceIdentifier identifier() throws OnrampException {
		return locate(IDENTIFIER, identifier, IDeviceIdentifier.class);
	}

	public IProtocommProvisioner protocomm() throws OnrampException {
		return locate(PROTOCOMM, protocomm, IProtocommProvisioner.class);
	}

	public IReprovisioner reprovisioner() throws OnrampException {
		return locate(REPROVISIONER, reprovisioner, IReprovisioner.class);
	}

	public ICertificateVerifier verifier() throws OnrampException {
		return locate(VERIFIER, verifier, ICertificateVerifier.class);
	}

	private <T> T locate(String name, ServiceReference<T> reference, Class<T> type) throws OnrampException {
		Object service = reference == null ? null : context.locateService(name, reference);
		return Optional.ofNullable(service).map(type::cast).orElseThrow(() -> missing(name));
	}

	private static OnrampException missing(String what) {
		return new OnrampException(FailureReason.NOT_AVAILABLE, Messages.bind(Messages.Services_missing, what),
				Messages.Services_missingHint);
	}
}
