/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.SerialPortInfo;

/** A port that appeared or disappeared, as listeners are told. */
record PortChange(IPortListener.Change change, SerialPortInfo port) {
}
