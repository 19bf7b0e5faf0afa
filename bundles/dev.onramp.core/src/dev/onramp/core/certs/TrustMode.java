/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.certs;

/** Who vouches for a device certificate. */
public enum TrustMode {
	/** Issued by the local certificate authority that the user trusts once. */
	CA,
	/** Self-signed, as the pyDirect web installer does; browsers warn once per device. */
	SELF_SIGNED
}
