/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;

/**
 * ESP-IDF unified provisioning (protocomm over SoftAP HTTP), as {@code esp-rainmaker-cli provision} speaks it. Beyond
 * the one-shot {@link IWifiProvisioner} operations it opens a {@link IProtocommSession} for step-by-step use: scan,
 * RainMaker association, apply, reset after a failure and retry.
 */
public interface IProtocommProvisioner extends IWifiProvisioner {

	/**
	 * Reads the device's proto-ver, chooses (or checks) the security scheme and establishes the secure session.
	 *
	 * @throws OnrampException {@code HANDSHAKE_REJECTED} for a wrong proof of possession or username,
	 *                         {@code SECURITY_SCHEME_MISMATCH} when the requested scheme is not the device's,
	 *                         {@code DEVICE_UNREACHABLE} or {@code TIMEOUT} when the device does not answer
	 */
	IProtocommSession open(ProvisioningTarget target, IProgressMonitor monitor) throws OnrampException;
}
