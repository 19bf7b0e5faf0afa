/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.certs.internal;

import java.util.Map;

import org.eclipse.osgi.util.NLS;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;

/** The key-store password from an environment variable ({@value #VARIABLE}), for CI and factory stations. */
public final class EnvironmentCaPasswordSource implements CaPasswordSource {

	public static final String VARIABLE = "ONRAMP_CA_PASSWORD"; //$NON-NLS-1$

	private final Map<String, String> environment;

	public EnvironmentCaPasswordSource(Map<String, String> environment) {
		this.environment = environment;
	}

	/** @return whether the variable is set to something non-empty in {@code environment} */
	public static boolean isConfigured(Map<String, String> environment) {
		String value = environment.get(VARIABLE);
		return value != null && !value.isEmpty();
	}

	@Override
	public Secret existing() throws OnrampException {
		if (!isConfigured(environment)) {
			return null;
		}
		return Secret.of(environment.get(VARIABLE));
	}

	@Override
	public Secret existingOrNew() throws OnrampException {
		Secret secret = existing();
		if (secret == null) {
			throw new OnrampException(FailureReason.USAGE, NLS.bind(Messages.EnvironmentPassword_missing, VARIABLE));
		}
		return secret;
	}

	@Override
	public String describe() {
		return NLS.bind(Messages.EnvironmentPassword_description, VARIABLE);
	}
}
