/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.io.IOException;

/** The device side of one security scheme: handshake steps and the session cipher. */
interface DeviceCipher {

	/**
	 * Handles one {@code prov-session} request.
	 *
	 * @throws IOException when the device would close the socket without answering (wrong PoP, bad state)
	 */
	byte[] handshake(byte[] request) throws IOException;

	boolean established();

	byte[] encrypt(byte[] data) throws IOException;

	byte[] decrypt(byte[] data) throws IOException;
}
