/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;

/**
 * Gives a device Wi-Fi over one transport (ESP-IDF protocomm, Improv serial, MicroPython REPL). Failures carry the
 * reasons of the command contract: handshake rejected, wrong password, network not found, timeout.
 */
public interface IWifiProvisioner {

	/** @return the transport's name: {@code protocomm}, {@code improv} or {@code repl} */
	String transport();

	/** @return the networks the device sees, strongest first */
	List<WifiNetwork> scan(ProvisioningTarget target, IProgressMonitor monitor) throws OnrampException;

	ProvisioningResult provision(ProvisioningTarget target, WifiCredentials credentials, IProgressMonitor monitor)
			throws OnrampException;
}
