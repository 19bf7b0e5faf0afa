/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.repl;

import java.nio.charset.StandardCharsets;

import dev.onramp.fuzz.Decoding;
import dev.onramp.fuzz.Fuzz;
import dev.onramp.fuzz.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A MicroPython board's {@code WLAN.scan()} as the REPL prints it. */
class ReplScanFuzzTest {

	@Property(seed = Fuzz.SEED)
	void scanOutputParsesOrFailsTyped(@ForAll("scans") byte[] output) {
		String text = new String(output, StandardCharsets.UTF_8);
		Decoding.check("repl.wifi-scan", output.length, () -> ReplWifiProvisioner.parseScan(text)); //$NON-NLS-1$
	}

	@Provide
	Arbitrary<byte[]> scans() {
		return Mutations.mutated(Arbitraries.of(
				"[(b'home', b'\\x24\\x0a\\xc4\\x00\\x11\\x22', 6, -48, 3, False), (b'caf\\xc3\\xa9', b'\\x00\\x00\\x00\\x00\\x00\\x01', 11, -80, 0, True)]", //$NON-NLS-1$
				"[]", "[(b'x', b'', 1, -1, 4, 0)]").map(Mutations::ascii), //$NON-NLS-1$ //$NON-NLS-2$
				"[(", "b'", "\\x", "-", "99999999999999999999", "))", "'", "\"", ","); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$
	}
}
