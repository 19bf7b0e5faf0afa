/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/** Properties a user reads, by category, gathered once when the row is selected; nothing in them can be edited. */
abstract class ReadOnlyPropertySource implements IPropertySource {

	private final List<IPropertyDescriptor> descriptors = new ArrayList<>();
	private final Map<Object, String> values = new LinkedHashMap<>();

	/** Adds a property when it has a value: empty properties would only be noise. */
	protected final void add(String category, String name, Optional<String> value) {
		value.filter(v -> !v.isBlank()).ifPresent(v -> {
			String id = category + '/' + name;
			PropertyDescriptor descriptor = new PropertyDescriptor(id, name);
			descriptor.setCategory(category);
			descriptors.add(descriptor);
			values.put(id, v);
		});
	}

	protected final void add(String category, String name, String value) {
		add(category, name, Optional.ofNullable(value));
	}

	@Override
	public Object getEditableValue() {
		return this;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		return descriptors.toArray(IPropertyDescriptor[]::new);
	}

	@Override
	public Object getPropertyValue(Object id) {
		return values.get(id);
	}

	@Override
	public boolean isPropertySet(Object id) {
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {
		// read only
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
		// read only
	}
}
