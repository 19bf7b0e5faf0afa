/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal;

import java.time.Duration;

/** The bound of a whole operation; every socket read takes its timeout from what is left. */
public final class Deadline {

	private final long end;
	private final Duration total;

	private Deadline(Duration total) {
		this.total = total;
		this.end = System.nanoTime() + total.toNanos();
	}

	public static Deadline in(Duration total) {
		return new Deadline(total);
	}

	/** @return the milliseconds left, at least 1 while time remains, 0 when expired */
	public int remainingMillis() {
		long left = (end - System.nanoTime()) / 1_000_000L;
		if (left <= 0) {
			return 0;
		}
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, left));
	}

	public boolean expired() {
		return remainingMillis() == 0;
	}

	public Duration total() {
		return total;
	}

	/** @return the whole bound for a message, {@code 20 s} or {@code 1.5 s}: never rounded down to a wrong figure */
	public String totalText() {
		long millis = total.toMillis();
		if (millis % 1000 == 0) {
			return millis / 1000 + " s"; //$NON-NLS-1$
		}
		return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s"; //$NON-NLS-1$
	}
}
