/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.ble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** A bus value the fuzzer found breaking the BLE value reader. */
class BlueZValuesFindingsTest {

	@Test
	void anArrayWithAHoleReadsAsZero() {
		// was: NullPointerException from List.of(array) for the value new Object[] { 80, null, "x" }
		assertArrayEquals(new byte[] { 80, 0, 0 }, BlueZBus.bytes(new Object[] { Byte.valueOf((byte) 80), null, "x" })); //$NON-NLS-1$
	}
}
