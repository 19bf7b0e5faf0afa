/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.certs.InventoryEntry;
import dev.onramp.core.certs.KeyType;
import dev.onramp.core.certs.TrustMode;
import dev.onramp.ui.internal.views.ExplorerLabels;
import dev.onramp.ui.internal.views.HostPort;
import dev.onramp.ui.internal.views.model.CertificateRow;

/** What the Device Explorer says: endpoint validation as the user types, certificate expiry in words. */
class ExplorerTextsTest {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	@Test
	void endpointsAreHostAndPort() {
		assertEquals(Optional.empty(), HostPort.problem("192.168.4.1:80"));
		assertEquals(Optional.empty(), HostPort.problem(" esp-prov.local:8080 "));
		assertEquals(Optional.empty(), HostPort.problem("[fe80::1]:80"));
		assertTrue(HostPort.problem("").orElseThrow().contains("HOST:PORT"));
		assertTrue(HostPort.problem("192.168.4.1").orElseThrow().contains("192.168.4.1:80"), "the example is given");
		assertTrue(HostPort.problem("http://192.168.4.1:80").isPresent());
		assertTrue(HostPort.problem("192.168.4.1:0").orElseThrow().contains("1 to 65535"));
		assertTrue(HostPort.problem("192.168.4.1:65536").orElseThrow().contains("1 to 65535"));
		assertTrue(HostPort.problem("192.168.4.300:80").orElseThrow().contains("'192.168.4.300'"));
		assertTrue(HostPort.problem("bad_host:80").orElseThrow().contains("neither an IP address nor a host name"));
		assertTrue(HostPort.problem("-dash.local:80").isPresent());
	}

	@Test
	void certificatesSayWhenTheyExpire() {
		assertEquals("Certificate expires in 12 days", state(Duration.ofDays(12).plusHours(5)));
		assertEquals("Certificate expires in 1 day", state(Duration.ofDays(1).plusHours(1)));
		assertEquals("Certificate expires within a day", state(Duration.ofHours(3)));
		assertEquals("Certificate expired", state(Duration.ofHours(-1)));
		assertEquals("Certificate valid for 30 days", state(Duration.ofDays(30).plusMinutes(1)));
		assertTrue(row(Duration.ofDays(29)).expiresSoon(), "a warning within 30 days");
		assertFalse(row(Duration.ofDays(31)).expiresSoon());
		assertEquals("Re-provision the device to give it a new certificate.",
				ExplorerLabels.stateDetail(row(Duration.ofDays(3))).orElseThrow());
	}

	private static String state(Duration left) {
		return ExplorerLabels.state(row(left));
	}

	private static CertificateRow row(Duration left) {
		return new CertificateRow(new InventoryEntry("lamp.local", "01", "AB:CD", KeyType.EC_P256, TrustMode.CA,
				NOW.minus(Duration.ofDays(300)), NOW.plus(left)), Optional.empty(), NOW);
	}
}
