/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

import org.eclipse.osgi.util.NLS;

/** User-facing sentences of the core model. */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "dev.onramp.core.messages"; //$NON-NLS-1$

	public static String Reason_INTERNAL;
	public static String Reason_USAGE;
	public static String Reason_NOT_AVAILABLE;
	public static String Reason_DEVICE_UNREACHABLE;
	public static String Reason_PORT_NOT_FOUND;
	public static String Reason_PORT_BUSY;
	public static String Reason_PERMISSION_DENIED;
	public static String Reason_DEVICE_VANISHED;
	public static String Reason_PROTOCOL_ERROR;
	public static String Reason_HANDSHAKE_REJECTED;
	public static String Reason_SECURITY_SCHEME_MISMATCH;
	public static String Reason_WIFI_AUTH_FAILED;
	public static String Reason_WIFI_NETWORK_NOT_FOUND;
	public static String Reason_TIMEOUT;
	public static String Reason_CERTIFICATE_MISMATCH;
	public static String Reason_CERTIFICATE_UNTRUSTED;
	public static String Reason_CERTIFICATE_EXPIRED;
	public static String Reason_HOSTNAME_MISMATCH;
	public static String Reason_CANCELLED;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}

	static String forReason(FailureReason reason) {
		return switch (reason) {
		case INTERNAL -> Reason_INTERNAL;
		case USAGE -> Reason_USAGE;
		case NOT_AVAILABLE -> Reason_NOT_AVAILABLE;
		case DEVICE_UNREACHABLE -> Reason_DEVICE_UNREACHABLE;
		case PORT_NOT_FOUND -> Reason_PORT_NOT_FOUND;
		case PORT_BUSY -> Reason_PORT_BUSY;
		case PERMISSION_DENIED -> Reason_PERMISSION_DENIED;
		case DEVICE_VANISHED -> Reason_DEVICE_VANISHED;
		case PROTOCOL_ERROR -> Reason_PROTOCOL_ERROR;
		case HANDSHAKE_REJECTED -> Reason_HANDSHAKE_REJECTED;
		case SECURITY_SCHEME_MISMATCH -> Reason_SECURITY_SCHEME_MISMATCH;
		case WIFI_AUTH_FAILED -> Reason_WIFI_AUTH_FAILED;
		case WIFI_NETWORK_NOT_FOUND -> Reason_WIFI_NETWORK_NOT_FOUND;
		case TIMEOUT -> Reason_TIMEOUT;
		case CERTIFICATE_MISMATCH -> Reason_CERTIFICATE_MISMATCH;
		case CERTIFICATE_UNTRUSTED -> Reason_CERTIFICATE_UNTRUSTED;
		case CERTIFICATE_EXPIRED -> Reason_CERTIFICATE_EXPIRED;
		case HOSTNAME_MISMATCH -> Reason_HOSTNAME_MISMATCH;
		case CANCELLED -> Reason_CANCELLED;
		};
	}
}
