/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until a deadline: for what other processes do (make a link, open a file); nothing signals it. */
final class Await {

	private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

	private Await() {
	}

	/**
	 * @param what what is awaited, and what was seen instead, for the failure message
	 */
	static void until(Supplier<String> what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
	}
}
