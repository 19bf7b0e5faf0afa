/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios.handlers;

import dev.onramp.ui.internal.scenarios.Scenario;

/** Re-provision… on the selected device. */
public class ReprovisionHandler extends ScenarioHandler {

	public ReprovisionHandler() {
		super(Scenario.REPROVISION);
	}
}
