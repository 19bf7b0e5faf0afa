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
import dev.onramp.core.Secret;

/** An established protocomm session with one device; every endpoint exchange after the handshake is encrypted. */
public interface IProtocommSession extends AutoCloseable {

	/** @return what the device reported on its {@code proto-ver} endpoint */
	DeviceProtocolInfo protocolInfo();

	/** @return the security scheme in use: {@code 0}, {@code 1} or {@code 2} */
	String security();

	/** @return the networks the device sees, strongest first (read in pages) */
	List<WifiNetwork> scan(IProgressMonitor monitor) throws OnrampException;

	/**
	 * Sends the credentials, applies them and follows the device until it reports the outcome.
	 *
	 * @throws OnrampException {@code WIFI_AUTH_FAILED} or {@code WIFI_NETWORK_NOT_FOUND} as the device reports them
	 *                         (the session stays open: {@link #resetAfterFailure} then try again), {@code TIMEOUT}
	 */
	ProtocommOutcome provision(WifiCredentials credentials, IProgressMonitor monitor) throws OnrampException;

	/**
	 * After a failed attempt, returns the device to the state where it accepts new credentials (prov-ctrl reset), so
	 * a corrected password can be sent without a factory reset.
	 */
	void resetAfterFailure(IProgressMonitor monitor) throws OnrampException;

	/**
	 * RainMaker user-node association through the {@code cloud_user_assoc} endpoint.
	 *
	 * @return the node id the device reports
	 */
	String associateUser(String userId, Secret secretKey, IProgressMonitor monitor) throws OnrampException;

	/** Sends raw bytes to a custom endpoint (for example {@code custom-data}) through the secure session. */
	byte[] exchange(String endpoint, byte[] request, IProgressMonitor monitor) throws OnrampException;

	@Override
	void close();
}
