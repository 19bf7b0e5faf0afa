/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the device's scripts print on the serial console while main.py runs, and the soft resets they trigger, in
 * order, for every serial line attached now or later: the network side runs without a line, so each line's firmware
 * replays the current boot's entries once its main.py is running and then follows new ones.
 */
public final class BootTranscript {

	/** One printed line, or a soft reset ({@code line == null}). */
	public record Entry(String line) {
		public boolean softReset() {
			return line == null;
		}
	}

	// guarded by this
	private final List<Entry> entries = new ArrayList<>();
	private int bootStart;

	synchronized void print(String line) {
		entries.add(new Entry(line));
	}

	/** A new boot starts; a soft reset is also recorded as an entry, so lines in main.py follow it. */
	synchronized void newBoot(boolean softReset) {
		if (softReset) {
			entries.add(new Entry(null));
		}
		bootStart = entries.size();
	}

	/** @return the position of the current boot's first entry */
	public synchronized int bootStart() {
		return bootStart;
	}

	/** @return the entries from {@code position} on */
	public synchronized List<Entry> since(int position) {
		return List.copyOf(entries.subList(Math.min(position, entries.size()), entries.size()));
	}
}
