/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import java.util.Locale;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;

import dev.onramp.ui.internal.views.model.GroupRow;

/** The filter text above the tree: rows whose name, host, port, MAC or kind contain it; groups with such rows. */
final class ExplorerFilter extends ViewerFilter {

	private String text = ""; //$NON-NLS-1$

	void setText(String value) {
		text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT); //$NON-NLS-1$
	}

	boolean isActive() {
		return !text.isEmpty();
	}

	@Override
	public boolean select(Viewer viewer, Object parentElement, Object element) {
		if (text.isEmpty()) {
			return true;
		}
		if (element instanceof GroupRow group) {
			return group.children().stream().anyMatch(this::matches);
		}
		return matches(element);
	}

	private boolean matches(Object element) {
		return ExplorerLabels.searchable(element).stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(text));
	}
}
