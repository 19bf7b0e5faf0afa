/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

/** Where a device is in its life with Onramp. */
public enum DeviceState {
	/** Seen (on USB or the network) but not identified. */
	DETECTED,
	/** Waiting for Wi-Fi credentials. */
	AWAITING_PROVISIONING,
	/** Joining a Wi-Fi network or restarting after a change. */
	CONNECTING,
	/** Reachable on the network. */
	ONLINE,
	/** Known, but not reachable now. */
	OFFLINE
}
