/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.model;

import java.util.List;
import java.util.Objects;

/**
 * A group of the tree with its rows. Equal to every other row of the same group, so that the tree keeps it expanded
 * across refreshes. It does not adapt to a device.
 */
public final class GroupRow {

	private final DeviceGroup group;
	private final List<Object> children;

	public GroupRow(DeviceGroup group, List<?> children) {
		this.group = Objects.requireNonNull(group);
		this.children = List.copyOf(children);
	}

	public DeviceGroup group() {
		return group;
	}

	/** @return {@link DeviceRow}s and {@link CertificateRow}s */
	public List<Object> children() {
		return children;
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof GroupRow other && group == other.group;
	}

	@Override
	public int hashCode() {
		return group.hashCode();
	}

	@Override
	public String toString() {
		return group + " " + children; //$NON-NLS-1$
	}
}
