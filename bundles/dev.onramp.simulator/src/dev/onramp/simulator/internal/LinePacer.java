/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces one direction of a simulated serial line: each byte takes 10 bit times (8N1). Rate simulation, not
 * synchronisation: the caller waits until the line would have carried the bytes.
 */
public final class LinePacer {

	private final long nanosPerByte;
	private long lineFreeAt;

	/** @param baudRate 0 for no pacing */
	public LinePacer(int baudRate) {
		this.nanosPerByte = baudRate <= 0 ? 0 : 10_000_000_000L / baudRate;
	}

	public boolean paced() {
		return nanosPerByte > 0;
	}

	public void carry(int bytes) {
		if (nanosPerByte == 0 || bytes <= 0) {
			return;
		}
		long now = System.nanoTime();
		lineFreeAt = Math.max(lineFreeAt, now) + bytes * nanosPerByte;
		long wait;
		while ((wait = lineFreeAt - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
		}
	}
}
