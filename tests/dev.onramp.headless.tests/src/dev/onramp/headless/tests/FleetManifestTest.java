/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.headless.internal.commands.FleetManifest;

class FleetManifestTest {

	@Test
	void readsRowsWithTheirColumnsInAnyOrderWithQuotesCommentsAndBlankLines() throws OnrampException {
		FleetManifest manifest = FleetManifest.parse("""
				# station 3
				name,target,protocol,ssid,pop,password_env,username
				kitchen,127.0.0.1:8080,provision,Home,"s3cr,et",WIFI,wifiprov

				"bench ""2""\",socket://127.0.0.1:4000,improv,Lab
				shelf,/dev/ttyUSB0,reprovision,,,,
				""");
		List<FleetManifest.Row> rows = manifest.rows();
		assertEquals(3, rows.size());
		FleetManifest.Row kitchen = rows.get(0);
		assertEquals("kitchen", kitchen.name());
		assertEquals(3, kitchen.line());
		assertEquals("provision", kitchen.protocol());
		assertEquals("127.0.0.1:8080", kitchen.target());
		assertEquals(Optional.of("s3cr,et"), kitchen.pop());
		assertEquals(Optional.of("WIFI"), kitchen.passwordEnv());
		assertEquals("bench \"2\"", rows.get(1).name());
		assertEquals(5, rows.get(1).line());
		assertEquals(Optional.empty(), rows.get(1).pop());
		assertEquals("reprovision", rows.get(2).protocol());
		assertEquals(Optional.empty(), rows.get(2).ssid());
		assertFalse(kitchen.toString().contains("s3cr"), "a row never prints its proof of possession");
	}

	@Test
	void malformedRowsNameTheirLine() {
		assertLineError("name,protocol,target,ssid\na,provision,127.0.0.1:1,X\nb,provision,no-port,X\n", 3);
		assertLineError("name,protocol,target,ssid\na,provision,127.0.0.1:1,\"open\n", 2);
		assertLineError("name,protocol,target,ssid\na,provision,127.0.0.1:1,X,extra\n", 2);
		assertLineError("name,protocol,target,ssid\n,improv,socket://127.0.0.1:1,X\n", 2);
		assertLineError("name,protocol,target,ssid\na,improv,socket://127.0.0.1:1\n", 2);
		assertLineError("name,protocol,target\na,reprovision,/dev/ttyUSB0,,\n", 2);
	}

	@Test
	void duplicateNamesAreRejectedAtTheSecondOne() {
		OnrampException failure = assertLineError(
				"name,protocol,target,ssid\na,improv,socket://127.0.0.1:1,X\n\nb,improv,socket://127.0.0.1:2,X\na,improv,socket://127.0.0.1:3,X\n",
				5);
		assertTrue(failure.getMessage().contains("'a'"), failure.getMessage());
	}

	@Test
	void unknownProtocolIsRejectedWithTheChoices() {
		OnrampException failure = assertLineError("name,protocol,target,ssid\na,bluetooth,x,X\n", 2);
		assertTrue(failure.getMessage().contains("bluetooth") && failure.getMessage().contains("improv"),
				failure.getMessage());
	}

	@Test
	void headerProblemsAreReported() {
		assertLineError("name,protocol,tagret\n", 1);
		assertLineError("name,protocol\n", 1);
		assertLineError("name,protocol,target,ssid,ssid\n", 1);
		assertLineError("name,protocol,target,ssid\n", 1);
		assertLineError("\n\n", 1);
	}

	private static OnrampException assertLineError(String manifest, int line) {
		OnrampException failure = assertThrows(OnrampException.class, () -> FleetManifest.parse(manifest));
		assertEquals(FailureReason.USAGE, failure.reason());
		assertTrue(failure.getMessage().startsWith("Manifest line " + line + ":"), failure.getMessage());
		return failure;
	}
}
