/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.util.List;

/**
 * What the Device Explorer shows at one moment.
 *
 * @param groups          the non-empty groups, in {@link DeviceGroup} order
 * @param servicesMissing whether neither the device registry nor the serial port service is running
 */
public record ExplorerSnapshot(List<GroupRow> groups, boolean servicesMissing) {

	public ExplorerSnapshot {
		groups = List.copyOf(groups);
	}

	public boolean isEmpty() {
		return groups.isEmpty();
	}
}
