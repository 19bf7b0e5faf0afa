/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.discovery.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, for state that changes on other threads. */
final class Conditions {

	private Conditions() {
	}

	/**
	 * Polls the condition until it holds or the deadline passes. Not a sleep used as synchronisation: the condition
	 * decides, the wait between polls only bounds the CPU spent.
	 */
	static void waitUntil(Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Object monitor = new Object();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline >= 0) {
				fail("Not within " + timeout.toMillis() + " ms: " + failure.get()); //$NON-NLS-1$ //$NON-NLS-2$
			}
			synchronized (monitor) {
				try {
					monitor.wait(20);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					fail("interrupted"); //$NON-NLS-1$
				}
			}
		}
	}
}
