/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.onramp.certs.internal.EnvironmentCaPasswordSource;
import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;

/** On CI the CA password comes from ONRAMP_CA_PASSWORD; without it the source refuses to invent one. */
class EnvironmentCaPasswordSourceTest {

	@Test
	void variableProvidesThePassword() throws OnrampException {
		Map<String, String> environment = Map.of(EnvironmentCaPasswordSource.VARIABLE, "from-ci"); //$NON-NLS-1$
		assertTrue(EnvironmentCaPasswordSource.isConfigured(environment));
		EnvironmentCaPasswordSource source = new EnvironmentCaPasswordSource(environment);
		try (Secret secret = source.existingOrNew()) {
			assertEquals("from-ci", secret.reveal()); //$NON-NLS-1$
		}
		assertTrue(source.describe().contains(EnvironmentCaPasswordSource.VARIABLE));
		assertFalse(source.describe().contains("from-ci")); //$NON-NLS-1$
	}

	@Test
	void emptyVariableGivesNoPassword() throws OnrampException {
		Map<String, String> environment = Map.of(EnvironmentCaPasswordSource.VARIABLE, ""); //$NON-NLS-1$
		assertFalse(EnvironmentCaPasswordSource.isConfigured(environment));
		EnvironmentCaPasswordSource source = new EnvironmentCaPasswordSource(environment);
		assertNull(source.existing());
		assertEquals(FailureReason.USAGE, assertThrows(OnrampException.class, source::existingOrNew).reason());
	}
}
