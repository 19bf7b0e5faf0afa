/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import dev.onramp.ui.internal.console.SecretMasker;

/** What the consoles hide before a line reaches a document. */
class SecretMaskerTest {

	private final SecretMasker masker = new SecretMasker();

	@Test
	void hidesRegisteredSecretsWhereverTheyAppear() {
		masker.add("s3cret-pop");
		masker.add("s3cret");
		assertEquals("Sending ****** to the device (******)",
				masker.mask("Sending s3cret-pop to the device (s3cret)"));
	}

	@Test
	void hidesTheValuesOfWellKnownSecretKeysInSerialLogs() {
		assertEquals("wifi.password = ******", masker.mask("wifi.password = hunter22"));
		assertEquals("I (312) app: password=****** ssid=HomeNet", masker.mask("I (312) app: password=hunter22 ssid=HomeNet"));
		assertEquals("{\"ver\":\"v1\",\"name\":\"PROV_e5f6\",\"pop\":\"******\",\"transport\":\"softap\"}",
				masker.mask("{\"ver\":\"v1\",\"name\":\"PROV_e5f6\",\"pop\":\"abcd1234\",\"transport\":\"softap\"}"));
		assertEquals("settings.set('wifi.password', '******')", masker.mask("settings.set('wifi.password', 'hunter22')"));
		assertEquals("{'wifi.password': '******', 'wifi.ssid': 'HomeNet'}",
				masker.mask("{'wifi.password': 'hunter22', 'wifi.ssid': 'HomeNet'}"));
	}

	@Test
	void leavesOrdinaryLinesAlone() {
		String line = "Connected to HomeNet, IP 192.168.1.23, host pydirect-e5f6.local";
		assertEquals(line, masker.mask(line));
		masker.add(null);
		masker.add("");
		assertEquals(line, masker.mask(line));
	}

	@Test
	void aSecretKeptInAnotherPatternIsHiddenToo() {
		masker.add("hunter22");
		String masked = masker.mask("wifi.password=hunter22 PSK: hunter22");
		assertFalse(masked.contains("hunter22"), masked);
	}
}
