/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.fuzz;

/** Settings every fuzz property shares. */
public final class Fuzz {

	/**
	 * The fixed seed of the CI run, so a failure there is reproducible; the benchmark's long run passes its own seed
	 * through {@code jqwik.seeds.whenfixed}, so it explores new inputs.
	 */
	public static final String SEED = "20261203"; //$NON-NLS-1$

	private Fuzz() {
	}
}
