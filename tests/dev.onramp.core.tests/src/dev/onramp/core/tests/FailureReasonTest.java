/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.onramp.core.FailureReason;

class FailureReasonTest {

	/** The exit codes of shared/CLI.md: a contract that scripts rely on. */
	@Test
	void exitCodesFollowTheCommandContract() {
		Map<FailureReason, Integer> contract = Map.ofEntries(Map.entry(FailureReason.INTERNAL, 1),
				Map.entry(FailureReason.USAGE, 2), Map.entry(FailureReason.NOT_AVAILABLE, 2),
				Map.entry(FailureReason.DEVICE_UNREACHABLE, 3), Map.entry(FailureReason.PORT_NOT_FOUND, 3),
				Map.entry(FailureReason.PORT_BUSY, 3), Map.entry(FailureReason.PERMISSION_DENIED, 3),
				Map.entry(FailureReason.DEVICE_VANISHED, 3), Map.entry(FailureReason.PROTOCOL_ERROR, 3),
				Map.entry(FailureReason.HANDSHAKE_REJECTED, 4), Map.entry(FailureReason.SECURITY_SCHEME_MISMATCH, 4),
				Map.entry(FailureReason.WIFI_AUTH_FAILED, 5), Map.entry(FailureReason.WIFI_NETWORK_NOT_FOUND, 6),
				Map.entry(FailureReason.TIMEOUT, 7), Map.entry(FailureReason.CERTIFICATE_MISMATCH, 8),
				Map.entry(FailureReason.CERTIFICATE_UNTRUSTED, 8), Map.entry(FailureReason.CERTIFICATE_EXPIRED, 8),
				Map.entry(FailureReason.HOSTNAME_MISMATCH, 8), Map.entry(FailureReason.CANCELLED, 130));
		assertEquals(Set.of(FailureReason.values()), contract.keySet(), "every reason has a contracted exit code");
		contract.forEach((reason, code) -> assertEquals(code.intValue(), reason.exitCode(), reason.name()));
	}

	@Test
	void keysAreUniqueSnakeCaseAndRoundTrip() {
		Set<String> keys = new HashSet<>();
		for (FailureReason reason : FailureReason.values()) {
			String key = reason.key();
			assertTrue(key.matches("[a-z]+(_[a-z]+)*"), key);
			assertTrue(keys.add(key), "duplicate key " + key);
			assertEquals(reason, FailureReason.fromKey(key));
		}
		assertEquals("wifi_auth_failed", FailureReason.WIFI_AUTH_FAILED.key());
		assertThrows(IllegalArgumentException.class, () -> FailureReason.fromKey("no_such_reason"));
	}

	@ParameterizedTest
	@EnumSource(FailureReason.class)
	void everyReasonHasAUserSentence(FailureReason reason) {
		String message = reason.defaultMessage();
		assertFalse(message == null || message.isBlank(), reason.name());
		assertFalse(message.startsWith("NLS missing message"), reason.name());
		assertTrue(message.endsWith("."), "a sentence: " + message);
	}

	@Test
	void wifiMessagesCarryTheTroubleshootingHints() {
		assertTrue(FailureReason.WIFI_NETWORK_NOT_FOUND.defaultMessage().contains("2.4 GHz"));
		assertTrue(FailureReason.HANDSHAKE_REJECTED.defaultMessage().contains("proof of possession"));
		assertTrue(FailureReason.TIMEOUT.defaultMessage().contains("provisioning mode"));
	}
}
