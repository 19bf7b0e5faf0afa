/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceId;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.Endpoint;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.MacAddress;
import dev.onramp.core.UsbIdentity;

class DeviceTest {

	private static final MacAddress MAC = MacAddress.parse("a1:b2:c3:d4:e5:f6");

	@Test
	void identityPrefersMacThenHostnameThenEndpoint() {
		Device serialOnly = Device.builder(DeviceKind.UNKNOWN).endpoint(EndpointKind.SERIAL, "/dev/ttyACM0").build();
		assertEquals(new DeviceId(DeviceId.Scheme.ENDPOINT, "SERIAL:/dev/ttyACM0"), serialOnly.id());

		Device named = serialOnly.toBuilder().hostname("PyDirect-E5F6.local.").build();
		assertEquals(DeviceId.ofHostname("pydirect-e5f6"), named.id());
		assertEquals("pydirect-e5f6", named.hostname().orElseThrow());

		Device identified = named.toBuilder().mac(MAC).build();
		assertEquals(DeviceId.of(MAC), identified.id());
		assertEquals("mac:a1:b2:c3:d4:e5:f6", identified.id().toString());
	}

	@Test
	void macDerivesThePyDirectHostnameOnlyWhenNoneIsKnown() {
		Device derived = Device.builder(DeviceKind.PYDIRECT).macWithDerivedHostname(MAC).build();
		assertEquals("pydirect-e5f6", derived.hostname().orElseThrow());
		Device kept = Device.builder(DeviceKind.PYDIRECT).hostname("lab-board").macWithDerivedHostname(MAC).build();
		assertEquals("lab-board", kept.hostname().orElseThrow());
	}

	@Test
	void hostnamesMustBeOneDnsLabel() {
		Device.Builder builder = Device.builder(DeviceKind.NETWORK);
		assertThrows(IllegalArgumentException.class, () -> builder.hostname("bad_name"));
		assertThrows(IllegalArgumentException.class, () -> builder.hostname("-leading"));
		assertThrows(IllegalArgumentException.class, () -> builder.hostname("a.b.local"));
		assertThrows(IllegalArgumentException.class, () -> builder.hostname("x".repeat(64)));
		builder.hostname("x".repeat(63));
	}

	@Test
	void aDeviceNeedsSomethingToIdentifyIt() {
		assertThrows(IllegalStateException.class, () -> Device.builder(DeviceKind.UNKNOWN).build());
	}

	@Test
	void displayNameFallsBackFromNameToHostnameToEndpoint() {
		Device device = Device.builder(DeviceKind.IMPROV).endpoint(EndpointKind.SERIAL, "socket://127.0.0.1:4000")
				.build();
		assertEquals("socket://127.0.0.1:4000", device.displayName());
		assertEquals("pydirect-e5f6", device.toBuilder().mac(MAC).hostname("pydirect-e5f6").build().displayName());
		assertEquals("Kitchen sensor", device.toBuilder().name(" Kitchen sensor ").build().displayName());
	}

	@Test
	void endpointsKeepTheirOrderWithoutDuplicates() {
		Device device = Device.builder(DeviceKind.PYDIRECT).mac(MAC).endpoint(EndpointKind.SERIAL, "/dev/ttyACM0")
				.endpoint(EndpointKind.WEB, "https://pydirect-e5f6.local/")
				.endpoint(new Endpoint(EndpointKind.SERIAL, " /dev/ttyACM0 ")).build();
		assertEquals(List.of(new Endpoint(EndpointKind.SERIAL, "/dev/ttyACM0"),
				new Endpoint(EndpointKind.WEB, "https://pydirect-e5f6.local/")), device.endpoints());
		assertEquals("https://pydirect-e5f6.local/", device.endpoint(EndpointKind.WEB).orElseThrow().address());
		assertTrue(device.endpoint(EndpointKind.PROVISIONING_HTTP).isEmpty());
		assertThrows(UnsupportedOperationException.class, () -> device.endpoints().clear());
	}

	@Test
	void toBuilderCopiesEverythingAndChangesAreNewValues() {
		Device original = Device.builder(DeviceKind.PYDIRECT).mac(MAC).hostname("pydirect-e5f6").name("Board")
				.usb(new UsbIdentity(0x303A, 0x1001, "SN1", "Espressif", "USB JTAG/serial debug unit"))
				.endpoint(EndpointKind.SERIAL, "/dev/ttyACM0").state(DeviceState.ONLINE).build();
		Device copy = original.toBuilder().build();
		assertEquals(original, copy);
		assertEquals(original.hashCode(), copy.hashCode());
		Device offline = original.toBuilder().state(DeviceState.OFFLINE).build();
		assertNotEquals(original, offline);
		assertEquals(DeviceState.ONLINE, original.state());
		assertEquals(DeviceState.DETECTED, Device.builder(DeviceKind.UNKNOWN).mac(MAC).build().state());
	}
}
