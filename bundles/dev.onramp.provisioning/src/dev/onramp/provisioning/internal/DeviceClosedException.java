/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.io.IOException;

/**
 * The device closed the connection without an HTTP response. Protocomm does this whenever a handler fails (wrong
 * proof of possession, decryption failure, request in the wrong state), so what it means depends on the step.
 */
public class DeviceClosedException extends IOException {

	private static final long serialVersionUID = 1L;

	public DeviceClosedException(String message) {
		super(message);
	}
}
