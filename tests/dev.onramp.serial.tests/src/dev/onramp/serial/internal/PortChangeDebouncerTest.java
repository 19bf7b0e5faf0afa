/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.serial.IPortListener.Change;
import dev.onramp.core.serial.PortAccess;
import dev.onramp.core.serial.SerialPortInfo;

class PortChangeDebouncerTest {

	private static final long MS = 1_000_000L;
	private static final SerialPortInfo USB0 = port("/dev/ttyUSB0", "");
	private static final SerialPortInfo ACM0 = port("/dev/ttyACM0", "");

	private static SerialPortInfo port(String path, String byId) {
		return new SerialPortInfo(path, byId, "", Optional.empty(), PortAccess.AVAILABLE);
	}

	private final PortChangeDebouncer debouncer = new PortChangeDebouncer(Duration.ofMillis(250), List.of(USB0));

	@Test
	void aPortIsAddedOnceItHasBeenPresentForTheSettleTime() {
		assertEquals(List.of(), debouncer.update(List.of(USB0, ACM0), 0));
		assertEquals(List.of(), debouncer.update(List.of(USB0, ACM0), 249 * MS));
		assertEquals(List.of(new PortChange(Change.ADDED, ACM0)), debouncer.update(List.of(USB0, ACM0), 250 * MS));
		assertEquals(List.of(), debouncer.update(List.of(USB0, ACM0), 900 * MS));
	}

	@Test
	void aPortIsRemovedOnceItHasBeenAbsentForTheSettleTimeAndTheLastKnownDetailsAreReported() {
		SerialPortInfo withLink = port("/dev/ttyUSB0", "/dev/serial/by-id/usb-Espressif-if00");
		assertEquals(List.of(), debouncer.update(List.of(withLink), 0));
		assertEquals(List.of(), debouncer.update(List.of(), 100 * MS));
		assertEquals(List.of(new PortChange(Change.REMOVED, withLink)), debouncer.update(List.of(), 400 * MS));
	}

	@Test
	void aFlickerShorterThanTheSettleTimeIsNoChange() {
		assertEquals(List.of(), debouncer.update(List.of(), 0));
		assertEquals(List.of(), debouncer.update(List.of(USB0), 100 * MS));
		assertEquals(List.of(), debouncer.update(List.of(), 200 * MS));
		assertEquals(List.of(), debouncer.update(List.of(), 400 * MS));
		assertEquals(List.of(), debouncer.update(List.of(USB0), 1000 * MS));
	}
}
