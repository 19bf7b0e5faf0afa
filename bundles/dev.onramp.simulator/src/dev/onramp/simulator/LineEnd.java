/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator;

/** How a simulated device's run on one line ended. */
public enum LineEnd {
	/** The host closed the line. */
	LINE_CLOSED,
	/** A fault dropped the line. */
	LINE_DROPPED,
	/** {@code machine.reset()}: the device reboots. */
	HARD_RESET,
	/** The simulator shut down. */
	STOPPED
}
