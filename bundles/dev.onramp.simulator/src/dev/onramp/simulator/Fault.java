/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

/**
 * A failure the simulated device shows on its line, for tests.
 *
 * @param kind       what goes wrong
 * @param afterBytes for {@link Kind#DROP_LINE}: how many more bytes the device receives before the line drops; for
 *                   {@link Kind#POWER_CUT}: how many more flash operations complete before the power goes
 */
public record Fault(Kind kind, long afterBytes) {

	/** What goes wrong. */
	public enum Kind {
		/** Behave. */
		NONE,
		/** Print random bytes (a wrong baud rate, a crashing boot loop) and ignore the host. */
		GARBAGE,
		/** Never answer (a dead board, a charge-only cable). */
		SILENT,
		/** Drop the line after a number of received bytes (cable pulled); happens once. */
		DROP_LINE,
		/**
		 * Lose power during a flash operation of a running program (a USB-powered board unplugged while it writes):
		 * the operations before it complete; a write during which the power goes leaves the first half of its bytes
		 * on the flash (FAT and littlefs both write data before they can commit it); a rename, remove or mkdir either
		 * happens whole or not at all (both file systems commit metadata atomically), here not at all. The line drops
		 * with the power; happens once.
		 */
		POWER_CUT
	}

	public static Fault none() {
		return new Fault(Kind.NONE, 0);
	}

	public static Fault garbage() {
		return new Fault(Kind.GARBAGE, 0);
	}

	public static Fault silent() {
		return new Fault(Kind.SILENT, 0);
	}

	public static Fault dropLineAfter(long bytes) {
		return new Fault(Kind.DROP_LINE, bytes);
	}

	/** @param operations flash operations (open for writing, write, rename, remove, mkdir) that still complete */
	public static Fault cutPowerAfterFlashOperations(long operations) {
		return new Fault(Kind.POWER_CUT, operations);
	}
}
