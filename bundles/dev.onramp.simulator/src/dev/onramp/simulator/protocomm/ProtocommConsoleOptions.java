/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.protocomm;

import java.util.Objects;
import java.util.Optional;

/**
 * How a simulated protocomm console behaves on its UART.
 *
 * @param bootLog     prints a boot log (ROM banner, bootloader and application lines) before the first prompt
 * @param errorLogs   logs an error line when a handler fails, as firmware at the default log level does; without it
 *                    a failure shows only as a new prompt
 * @param qrPayload   the provisioning QR payload the application prints in its boot log (the example's "If QR code
 *                    is not visible" line with the URL), if any
 * @param bootOnReset the board was powered on before anyone listened: nothing is printed until a reset, which
 *                    prints the boot log (and the QR payload) again
 * @param fault       how the console misbehaves
 */
public record ProtocommConsoleOptions(boolean bootLog, boolean errorLogs, Optional<String> qrPayload,
		boolean bootOnReset, Fault fault) {

	/** Misbehaviour to test the client against. */
	public enum Fault {
		/** A well-behaved console. */
		NONE,
		/** Reads everything and says nothing: no prompt, no echo. */
		SILENT,
		/** Echoes the line, then prints text that is not hex where the reply belongs. */
		GARBAGE,
		/** Starts the hex reply to a request after the handshake, then the line drops. */
		DROP_MID_REPLY,
		/** Reads the client's first session message (the handshake's step 1), then the line drops unanswered. */
		DROP_AT_SESSION_STEP_1,
		/** Answers step 1 of the handshake, reads the client's second session message, then the line drops. */
		DROP_AT_SESSION_STEP_2
	}

	public ProtocommConsoleOptions {
		Objects.requireNonNull(qrPayload);
		Objects.requireNonNull(fault);
	}

	/** @return a console with a boot log and error logs, no QR payload, no fault */
	public static ProtocommConsoleOptions defaults() {
		return new ProtocommConsoleOptions(true, true, Optional.empty(), false, Fault.NONE);
	}

	public ProtocommConsoleOptions withBootLog(boolean value) {
		return new ProtocommConsoleOptions(value, errorLogs, qrPayload, bootOnReset, fault);
	}

	public ProtocommConsoleOptions withErrorLogs(boolean value) {
		return new ProtocommConsoleOptions(bootLog, value, qrPayload, bootOnReset, fault);
	}

	public ProtocommConsoleOptions withQrPayload(String value) {
		return new ProtocommConsoleOptions(bootLog, errorLogs, Optional.ofNullable(value), bootOnReset, fault);
	}

	public ProtocommConsoleOptions withBootOnReset(boolean value) {
		return new ProtocommConsoleOptions(bootLog, errorLogs, qrPayload, value, fault);
	}

	public ProtocommConsoleOptions withFault(Fault value) {
		return new ProtocommConsoleOptions(bootLog, errorLogs, qrPayload, bootOnReset, value);
	}
}
