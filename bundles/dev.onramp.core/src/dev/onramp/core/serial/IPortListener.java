/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.serial;

/** Told when serial ports appear or disappear (hot-plug); called on a background thread. */
@FunctionalInterface
public interface IPortListener {

	/** The kind of change. */
	enum Change {
		ADDED, REMOVED
	}

	void portChanged(Change change, SerialPortInfo port);
}
