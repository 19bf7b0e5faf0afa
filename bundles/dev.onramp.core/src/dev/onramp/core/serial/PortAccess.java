/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.serial;

/** Whether this process can open a serial port, as far as can be told without opening it. */
public enum PortAccess {
	AVAILABLE, BUSY, PERMISSION_DENIED, UNKNOWN
}
