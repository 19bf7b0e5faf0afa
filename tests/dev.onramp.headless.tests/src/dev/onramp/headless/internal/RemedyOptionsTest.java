/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Remedy;

/** Services name what the user can supply; the command says which of its options supplies it. */
class RemedyOptionsTest {

	@Test
	void everyRemedyNamesTheOptionsThatSupplyIt() {
		for (Remedy remedy : Remedy.values()) {
			String options = RemedyOptions.options(remedy);
			assertTrue(options.contains(" --") || options.contains("\"onramp "), remedy + ": " + options); //$NON-NLS-1$ //$NON-NLS-2$
		}
		assertTrue(RemedyOptions.options(Remedy.NEW_CERTIFICATE_AUTHORITY).contains("\"onramp ca init\"")); //$NON-NLS-1$
		assertTrue(RemedyOptions.options(Remedy.SECURITY_SCHEME).contains("--sec auto")); //$NON-NLS-1$
		assertTrue(RemedyOptions.options(Remedy.NETWORK_INTERFACE).contains("--interface NAME")); //$NON-NLS-1$
	}

	@Test
	void theServicesHintComesFirstThenTheOptions() {
		OnrampException failure = new OnrampException(FailureReason.SECURITY_SCHEME_MISMATCH, "Security 1 was requested.", //$NON-NLS-1$
				"Let Onramp follow the scheme the device reports, or ask for security 2.").withRemedy(Remedy.SECURITY_SCHEME); //$NON-NLS-1$
		assertEquals(Optional.of("Let Onramp follow the scheme the device reports, or ask for security 2. " //$NON-NLS-1$
				+ RemedyOptions.options(Remedy.SECURITY_SCHEME)), RemedyOptions.hint(failure));
		OnrampException plain = new OnrampException(FailureReason.TIMEOUT, "Too slow.", "Move closer."); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(Optional.of("Move closer."), RemedyOptions.hint(plain), "no remedy: the hint as the service wrote it"); //$NON-NLS-1$
	}

	@Test
	void aCommandFailureKeepsTheServicesRemedy() {
		OnrampException cause = new OnrampException(FailureReason.USAGE, "'x' is not HOST:PORT.", "Give it.") //$NON-NLS-1$ //$NON-NLS-2$
				.withRemedy(Remedy.ENDPOINT);
		CommandFailure failure = CommandFailure.of(cause, new JsonObject(), java.util.List.of());
		assertEquals(Optional.of(Remedy.ENDPOINT), failure.remedy());
		assertTrue(RemedyOptions.hint(failure).orElseThrow().endsWith("--endpoint HOST:PORT."), //$NON-NLS-1$
				RemedyOptions.hint(failure).toString());
	}
}
