/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core;

/** Exit codes of the {@code onramp} command; a contract that scripts rely on (shared/CLI.md). */
public final class ExitCode {

	public static final int SUCCESS = 0;
	public static final int INTERNAL_ERROR = 1;
	public static final int USAGE_ERROR = 2;
	public static final int UNREACHABLE = 3;
	public static final int HANDSHAKE_REJECTED = 4;
	public static final int WIFI_AUTH_FAILED = 5;
	public static final int WIFI_NETWORK_NOT_FOUND = 6;
	public static final int TIMEOUT = 7;
	public static final int CERTIFICATE_FAILED = 8;
	/** Interrupted by the user, as shells report a process ended by SIGINT. */
	public static final int CANCELLED = 130;

	private ExitCode() {
	}
}
