/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.WifiCredentials;

class SecretTest {

	@Test
	void neverPrintsItself() {
		Secret secret = Secret.of("abcd1234");
		assertEquals("******", secret.toString());
		assertFalse(String.valueOf(new WifiCredentials("HomeNet", secret)).contains("abcd1234"),
				"records holding a secret print the mask");
	}

	@Test
	void givesItsValueAsCharsAndUtf8() {
		Secret secret = Secret.of("pässwörd");
		assertEquals("pässwörd", new String(secret.chars()));
		assertArrayEquals("pässwörd".getBytes(StandardCharsets.UTF_8), secret.utf8());
	}

	@Test
	void copiesItsInputAndCannotBeUsedAfterDestroy() {
		char[] typed = "hunter22".toCharArray();
		Secret secret = Secret.of(typed);
		typed[0] = 'X';
		assertEquals("hunter22", secret.reveal());
		secret.close();
		assertThrows(IllegalStateException.class, secret::chars);
		assertThrows(IllegalStateException.class, secret::utf8);
	}

	@Test
	void wifiCredentialsCheckTheSsidLength() {
		assertThrows(IllegalArgumentException.class, () -> new WifiCredentials("", Secret.of("x")));
		assertThrows(IllegalArgumentException.class, () -> new WifiCredentials("x".repeat(33), Secret.of("x")));
		new WifiCredentials("x".repeat(32), Secret.of(""));
	}
}
