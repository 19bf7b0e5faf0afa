/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;

/** Reads the provisioning QR payload: given as text, or from the boot log a board prints on its serial port. */
public interface IQrPayloadReader {

	/**
	 * @param json the payload as the QR code holds it
	 * @throws OnrampException {@code USAGE} when it is not JSON, not an object, has wrong types or over-long values;
	 *                         the message never repeats the payload (it holds the proof of possession)
	 */
	QrPayload decode(String json) throws OnrampException;

	/**
	 * Listens to the board's serial port for the boot log line that carries the payload (the provisioning examples'
	 * "If QR code is not visible" URL, {@code ...qrcode.html?data=<json>}), resetting the board through its RTS line
	 * when the line does not come soon (the board booted before anyone listened).
	 *
	 * @throws OnrampException {@code TIMEOUT} when no payload appears, {@code PROTOCOL_ERROR} for a malformed one, the
	 *                         port's failures
	 */
	QrPayload readFromBootLog(String port, Duration timeout, IProgressMonitor monitor) throws OnrampException;
}
