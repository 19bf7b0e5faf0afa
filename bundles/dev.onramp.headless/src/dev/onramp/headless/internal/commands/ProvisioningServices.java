/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.IWifiProvisioner;

/**
 * The Wi-Fi transports and the re-provisioner installed now, for the commands that run several of them (demo,
 * fleet). Each may be missing: the commands then say "not available" for that step instead of failing.
 */
@Component(service = ProvisioningServices.class)
public class ProvisioningServices {

	private final List<IWifiProvisioner> provisioners = new CopyOnWriteArrayList<>();
	private volatile IReprovisioner reprovisioner;

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	void addProvisioner(IWifiProvisioner provisioner) {
		provisioners.add(provisioner);
	}

	void removeProvisioner(IWifiProvisioner provisioner) {
		provisioners.remove(provisioner);
	}

	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
	void setReprovisioner(IReprovisioner service) {
		reprovisioner = service;
	}

	void unsetReprovisioner(IReprovisioner service) {
		if (reprovisioner == service) {
			reprovisioner = null;
		}
	}

	/** @param transport {@code protocomm}, {@code improv} or {@code repl} */
	public Optional<IWifiProvisioner> provisioner(String transport) {
		return provisioners.stream().filter(p -> p.transport().equals(transport)).findFirst();
	}

	public Optional<IReprovisioner> reprovisioner() {
		return Optional.ofNullable(reprovisioner);
	}
}
