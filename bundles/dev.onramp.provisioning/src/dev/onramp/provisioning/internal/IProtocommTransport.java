/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import dev.onramp.core.OnrampException;

/**
 * Carries protocomm's endpoint requests to a device and brings back its replies: SoftAP HTTP, the UART console or a
 * BLE GATT service. Everything above it (proto-ver, the security schemes, scan, config, status, the reset after a
 * failed attempt) is {@link ProtocommProvisioner} and {@link ProtocommClientSession}, the same for every transport,
 * so a new transport is one class.
 */
public interface IProtocommTransport extends AutoCloseable {

	/**
	 * @return how messages place the device after "The device ": {@code at 192.168.4.1:80}, {@code on /dev/ttyUSB0},
	 *         {@code PROV_d76c30 over Bluetooth}
	 */
	String where();

	/**
	 * Sends one request to an endpoint ({@code proto-ver}, {@code prov-session}, {@code prov-config}, …) and waits
	 * for its reply, within the transport's deadline.
	 *
	 * @throws DeviceClosedException     when the device dropped the request without any answer: protocomm's way of
	 *                                   rejecting it (a failed handshake step, an undecryptable message)
	 * @throws EndpointNotFoundException when the device has no such endpoint (old firmware without proto-ver)
	 * @throws OnrampException           for time-outs, unreachable or vanished devices and answers that are not
	 *                                   protocomm, each with its reason
	 */
	byte[] exchange(String endpoint, byte[] request) throws OnrampException, DeviceClosedException;

	/**
	 * Refuses, before the handshake, a security scheme whose messages this transport cannot carry (the console's
	 * 256-byte line cannot hold security 2's 384-byte SRP public key).
	 *
	 * @throws OnrampException {@code USAGE}, saying which transports carry the scheme
	 */
	default void checkScheme(int securityVersion) throws OnrampException {
		// most transports carry every scheme
	}

	/** Ends the connection; safe to call more than once and on every path. */
	@Override
	void close();
}
