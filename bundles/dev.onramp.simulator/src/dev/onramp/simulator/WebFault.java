/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

/** How the simulated pyDirect device's web server misbehaves after a reset, for tests. */
public enum WebFault {
	/** Serve the installed certificate. */
	NONE,
	/** Keep serving the certificate loaded before the reset (firmware that ignores the new files). */
	SERVES_STALE_CERTIFICATE,
	/** Never come back on the network after a reset (no Wi-Fi, a crash loop). */
	NEVER_COMES_BACK
}
