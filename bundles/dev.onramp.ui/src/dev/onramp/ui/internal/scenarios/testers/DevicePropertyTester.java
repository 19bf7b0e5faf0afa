/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.scenarios.testers;

import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.expressions.PropertyTester;

import dev.onramp.core.Device;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;

/**
 * The {@code dev.onramp.ui} properties of a selected device, for {@code enabledWhen} and {@code visibleWhen}: any
 * element that adapts to {@link Device} is tested, whatever the Device Explorer's row classes are.
 */
public class DevicePropertyTester extends PropertyTester {

	public static final String NAMESPACE = "dev.onramp.ui"; //$NON-NLS-1$

	private static final Map<String, Predicate<Device>> PROPERTIES = Map.of(
			"canChangeWifi", DeviceCapabilities::canChangeWifi, //$NON-NLS-1$
			"canReprovision", DeviceCapabilities::canReprovision, //$NON-NLS-1$
			"canProvision", DeviceCapabilities::canProvision, //$NON-NLS-1$
			"hasWebPage", DeviceCapabilities::hasWebPage, //$NON-NLS-1$
			"canVerify", DeviceCapabilities::canVerify, //$NON-NLS-1$
			"canConnect", DeviceCapabilities::canConnect); //$NON-NLS-1$

	@Override
	public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
		Predicate<Device> capability = PROPERTIES.get(property);
		Device device = DeviceCapabilities.device(receiver);
		if (capability == null || device == null) {
			return false;
		}
		boolean expected = expectedValue == null || Boolean.parseBoolean(expectedValue.toString());
		return capability.test(device) == expected;
	}
}
