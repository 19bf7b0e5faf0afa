/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Display;

import dev.onramp.ui.tests.driver.UiWatchdog;

/**
 * The UI watchdog over a whole test, except the test's own apparatus that necessarily runs on the UI thread and is
 * not what a user does (encoding a screenshot as PNG, popping a context menu up for its picture): those run between
 * two watchdogs. Everything else, including every step of the view under test, is watched.
 */
final class Responsiveness implements AutoCloseable {

	/** Test apparatus that may throw. */
	@FunctionalInterface
	interface Apparatus {
		void run() throws Exception;
	}

	private final Display display;
	private final List<String> freezes = new ArrayList<>();
	private UiWatchdog watchdog;

	private Responsiveness(Display display) {
		this.display = display;
		this.watchdog = UiWatchdog.start(display);
	}

	static Responsiveness watch(Display display) {
		return new Responsiveness(display);
	}

	/** Runs the apparatus unwatched, then watches again. */
	void unwatched(Apparatus apparatus) throws Exception {
		freezes.addAll(watchdog.freezes());
		watchdog.close();
		try {
			apparatus.run();
		} finally {
			watchdog = UiWatchdog.start(display);
		}
	}

	/** Fails as {@link UiWatchdog#assertResponsive()} does, for every watched stretch so far. */
	void assertResponsive() {
		List<String> seen = new ArrayList<>(freezes);
		seen.addAll(watchdog.freezes());
		if (!seen.isEmpty()) {
			throw new AssertionError(seen.size() + " UI freeze(s) longer than " + UiWatchdog.LIMIT.toMillis()
					+ " ms:\n" + String.join("\n\n", seen));
		}
	}

	@Override
	public void close() {
		watchdog.close();
	}
}
