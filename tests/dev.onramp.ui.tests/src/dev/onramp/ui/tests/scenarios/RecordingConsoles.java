/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.scenarios;

import java.util.ArrayList;
import java.util.List;

import dev.onramp.ui.internal.console.IDeviceConsoles;

/** Device consoles that keep every line, so tests can read what a scenario wrote (and that no secret is there). */
final class RecordingConsoles implements IDeviceConsoles {

	private final List<String> lines = new ArrayList<>();
	private final List<String> masked = new ArrayList<>();

	@Override
	public IDeviceConsole console(String deviceKey, String title) {
		return new IDeviceConsole() {
			@Override
			public void step(String text) {
				add(deviceKey + " step: " + text);
			}

			@Override
			public void serial(String line) {
				add(deviceKey + " serial: " + line);
			}

			@Override
			public void error(String text) {
				add(deviceKey + " error: " + text);
			}

			@Override
			public void reveal() {
				// nothing to show
			}
		};
	}

	@Override
	public synchronized void maskSecret(String secretValue) {
		masked.add(secretValue);
	}

	synchronized boolean masks(String secretValue) {
		return masked.contains(secretValue);
	}

	private synchronized void add(String line) {
		lines.add(line);
		notifyAll();
	}

	/** Waits, off the UI thread, until a line contains the fragment; false when the deadline passed first. */
	synchronized boolean awaitContains(String fragment, java.time.Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!contains(fragment)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return true;
	}

	synchronized List<String> lines() {
		return List.copyOf(lines);
	}

	synchronized boolean contains(String fragment) {
		return lines.stream().anyMatch(l -> l.contains(fragment));
	}

	synchronized void clear() {
		lines.clear();
	}
}
