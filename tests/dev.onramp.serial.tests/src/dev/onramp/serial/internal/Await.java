/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assertions;

/** Polls a condition until a deadline: for conditions outside this JVM, which nothing can signal. */
final class Await {

	private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

	private Await() {
	}

	static void until(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				Assertions.fail("Timed out after " + timeout.toMillis() + " ms waiting for " + what);
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
	}
}
