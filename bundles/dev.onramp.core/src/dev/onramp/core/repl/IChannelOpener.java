/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.repl;

import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;

/**
 * Opens (or reopens) the channel to one device, for example {@code () -> serialPorts.open(port, 115200)}. Failing
 * with {@code PORT_NOT_FOUND} while a reset device re-enumerates is expected: the session retries until its
 * reconnect deadline.
 */
@FunctionalInterface
public interface IChannelOpener {

	IByteChannel open() throws OnrampException;
}
