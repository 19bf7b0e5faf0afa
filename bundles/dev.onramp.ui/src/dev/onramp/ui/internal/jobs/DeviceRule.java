/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.jobs;

import java.util.Objects;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/**
 * The scheduling rule of every Job that talks to one device: two Jobs on the same board (a scenario and a console's
 * serial monitor, two scenarios) never run at once, Jobs on different boards run in parallel.
 *
 * @param key what names the board: its serial port path, or its host name or {@code HOST:PORT} on the network
 */
public record DeviceRule(String key) implements ISchedulingRule {

	/** The family of every Onramp Job, so the workbench, shutdown and tests can find, cancel or join them. */
	public static final Object FAMILY = DeviceRule.class;

	public DeviceRule {
		Objects.requireNonNull(key);
	}

	@Override
	public boolean contains(ISchedulingRule rule) {
		return equals(rule);
	}

	@Override
	public boolean isConflicting(ISchedulingRule rule) {
		return equals(rule);
	}
}
