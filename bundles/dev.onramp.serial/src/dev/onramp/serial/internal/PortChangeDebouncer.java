/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onramp.core.serial.IPortListener.Change;
import dev.onramp.core.serial.SerialPortInfo;

/**
 * Turns successive port lists into added/removed changes, reporting a change only once a port has been seen present
 * (or absent) for the settle time: a USB device that re-enumerates or a flaky cable does not flicker. Ports are
 * identified by their system path. Not thread-safe: one poller feeds it.
 */
final class PortChangeDebouncer {

	private final long settleNanos;
	private final Map<String, SerialPortInfo> published = new HashMap<>();
	private final Map<String, Long> differentSince = new HashMap<>();

	/** @param baseline the ports present at the start, which produce no change */
	PortChangeDebouncer(Duration settle, Collection<SerialPortInfo> baseline) {
		this.settleNanos = settle.toNanos();
		baseline.forEach(port -> published.put(port.systemPath(), port));
	}

	/**
	 * @param present the ports present now
	 * @param nanoTime the time of the observation ({@link System#nanoTime()})
	 * @return the changes that have become stable with this observation
	 */
	List<PortChange> update(Collection<SerialPortInfo> present, long nanoTime) {
		Map<String, SerialPortInfo> current = new HashMap<>();
		present.forEach(port -> current.put(port.systemPath(), port));
		Set<String> paths = new HashSet<>(published.keySet());
		paths.addAll(current.keySet());
		List<PortChange> changes = new ArrayList<>();
		for (String path : paths) {
			boolean wasPresent = published.containsKey(path);
			boolean isPresent = current.containsKey(path);
			if (wasPresent == isPresent) {
				differentSince.remove(path);
				if (isPresent) {
					// details such as a by-id link that udev adds a moment later are refreshed silently
					published.put(path, current.get(path));
				}
				continue;
			}
			long since = differentSince.computeIfAbsent(path, p -> Long.valueOf(nanoTime)).longValue();
			if (nanoTime - since >= settleNanos) {
				differentSince.remove(path);
				if (isPresent) {
					published.put(path, current.get(path));
					changes.add(new PortChange(Change.ADDED, current.get(path)));
				} else {
					changes.add(new PortChange(Change.REMOVED, published.remove(path)));
				}
			}
		}
		return changes;
	}
}
