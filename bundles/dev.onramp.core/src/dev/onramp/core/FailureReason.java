/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import java.util.Locale;

/**
 * Why an operation failed, as scripts see it: every reason carries the exit code of the {@code onramp} command
 * contract and a stable machine-readable key used in JSON reports.
 */
public enum FailureReason {

	/** A bug in Onramp: never the user's fault. */
	INTERNAL(ExitCode.INTERNAL_ERROR),
	/** The command line or a manifest is malformed. */
	USAGE(ExitCode.USAGE_ERROR),
	/** The command exists in the contract but its service is not installed in this runtime. */
	NOT_AVAILABLE(ExitCode.USAGE_ERROR),
	/** No device answers at the given port or address. */
	DEVICE_UNREACHABLE(ExitCode.UNREACHABLE),
	/** The named serial port does not exist. */
	PORT_NOT_FOUND(ExitCode.UNREACHABLE),
	/** Another process holds the serial port. */
	PORT_BUSY(ExitCode.UNREACHABLE),
	/** The operating system refuses access to the serial port. */
	PERMISSION_DENIED(ExitCode.UNREACHABLE),
	/** The device disappeared in the middle of an operation (cable pulled, USB reset). */
	DEVICE_VANISHED(ExitCode.UNREACHABLE),
	/** The device answered with something that is not the expected protocol. */
	PROTOCOL_ERROR(ExitCode.UNREACHABLE),
	/** The device rejected the security handshake: wrong proof of possession or username. */
	HANDSHAKE_REJECTED(ExitCode.HANDSHAKE_REJECTED),
	/** The device and the request disagree on the security scheme. */
	SECURITY_SCHEME_MISMATCH(ExitCode.HANDSHAKE_REJECTED),
	/** The access point rejected the Wi-Fi password. */
	WIFI_AUTH_FAILED(ExitCode.WIFI_AUTH_FAILED),
	/** The device cannot see the Wi-Fi network (absent, out of range, or 5 GHz only). */
	WIFI_NETWORK_NOT_FOUND(ExitCode.WIFI_NETWORK_NOT_FOUND),
	/** A step did not finish within its time limit. */
	TIMEOUT(ExitCode.TIMEOUT),
	/** The device serves a different certificate from the one expected. */
	CERTIFICATE_MISMATCH(ExitCode.CERTIFICATE_FAILED),
	/** The served certificate does not chain to a trusted authority. */
	CERTIFICATE_UNTRUSTED(ExitCode.CERTIFICATE_FAILED),
	/** The served certificate is expired or not yet valid. */
	CERTIFICATE_EXPIRED(ExitCode.CERTIFICATE_FAILED),
	/** The served certificate is not valid for the host name that was contacted. */
	HOSTNAME_MISMATCH(ExitCode.CERTIFICATE_FAILED),
	/** The user cancelled the operation. */
	CANCELLED(ExitCode.CANCELLED);

	private final int exitCode;

	FailureReason(int exitCode) {
		this.exitCode = exitCode;
	}

	/** @return the process exit code of the {@code onramp} command for this reason */
	public int exitCode() {
		return exitCode;
	}

	/** @return the stable key used in JSON output, for example {@code wifi_auth_failed} */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @return a sentence describing the failure and what to do about it, for people */
	public String defaultMessage() {
		return Messages.forReason(this);
	}

	/**
	 * @param key a key as returned by {@link #key()}
	 * @return the reason with that key
	 * @throws IllegalArgumentException if no reason has that key
	 */
	public static FailureReason fromKey(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}
}
