/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.provisioning;

import org.eclipse.core.runtime.IProgressMonitor;

import dev.onramp.core.OnrampException;

/**
 * Re-provisions ("blesses") a pyDirect/MicroPython device with an HTTPS identity: identify it over the REPL, issue
 * a certificate, install it atomically and verified, enable HTTPS, reset, wait for the device to come back (mDNS,
 * or its last IP), check over TLS that it serves exactly the new certificate, and record it in the inventory.
 * Every step reports progress; every failure carries its {@link dev.onramp.core.FailureReason}.
 */
public interface IReprovisioner {

	ReprovisionResult reprovision(ReprovisionRequest request, IProgressMonitor monitor) throws OnrampException;
}
