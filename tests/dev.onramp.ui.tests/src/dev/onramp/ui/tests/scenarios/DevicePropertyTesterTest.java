/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.ui.internal.scenarios.DeviceCapabilities;
import dev.onramp.ui.internal.scenarios.testers.DevicePropertyTester;

/** The property testers on devices of every kind: what each board is offered, from its kind and endpoints alone. */
class DevicePropertyTesterTest {

	private static final String[] PROPERTIES = { "canChangeWifi", "canReprovision", "canProvision", "hasWebPage",
			"canVerify", "canConnect" };

	private final DevicePropertyTester tester = new DevicePropertyTester();

	static Device serial(DeviceKind kind) {
		return Device.builder(kind).endpoint(EndpointKind.SERIAL, "/dev/ttyACM0").build();
	}

	@Test
	void improvOnUsbCanChangeWifiOnly() {
		assertOffers(serial(DeviceKind.IMPROV), "canChangeWifi", "canConnect");
	}

	@Test
	void microPythonOnUsbCanChangeWifiAndBeReprovisioned() {
		assertOffers(serial(DeviceKind.MICROPYTHON), "canChangeWifi", "canReprovision", "canConnect");
	}

	@Test
	void pyDirectOnUsbWithItsHostNameAlsoHasAWebPage() {
		Device board = Device.builder(DeviceKind.PYDIRECT).hostname("pydirect-e5f6")
				.endpoint(EndpointKind.SERIAL, "/dev/ttyACM1").build();
		assertOffers(board, "canChangeWifi", "canReprovision", "hasWebPage", "canConnect");
		assertEquals("https://pydirect-e5f6.local/", DeviceCapabilities.webPage(board).orElseThrow());
		assertEquals("/dev/ttyACM1", DeviceCapabilities.key(board), "the rule's key is the port first");
	}

	@Test
	void blessedPyDirectOnTheNetworkCanBeVerifiedAndOpened() {
		Device blessed = Device.builder(DeviceKind.PYDIRECT).hostname("pydirect-e5f6")
				.endpoint(EndpointKind.WEB, "https://pydirect-e5f6.local/").build();
		assertOffers(blessed, "hasWebPage", "canVerify", "canConnect");
		assertEquals("pydirect-e5f6", DeviceCapabilities.key(blessed), "without a port, the host name");
	}

	@Test
	void espIdfProvisioningEndpointCanBeProvisioned() {
		Device softAp = Device.builder(DeviceKind.ESP_IDF_PROVISIONING)
				.endpoint(EndpointKind.PROVISIONING_HTTP, "192.168.4.1:80").build();
		assertOffers(softAp, "canProvision", "canConnect");
		assertEquals("192.168.4.1:80", DeviceCapabilities.key(softAp));
	}

	@Test
	void espIdfProvisioningWithoutAnEndpointIsNotOffered() {
		assertOffers(serial(DeviceKind.ESP_IDF_PROVISIONING));
	}

	@Test
	void espIdfConsoleAndUnknownPortsAreOfferedNothing() {
		assertOffers(serial(DeviceKind.ESP_IDF_CONSOLE));
		assertOffers(serial(DeviceKind.UNKNOWN));
	}

	@Test
	void plainHttpNetworkDeviceHasAWebPageButNothingToVerify() {
		Device http = Device.builder(DeviceKind.NETWORK).endpoint(EndpointKind.WEB, "http://192.168.1.20/").build();
		assertOffers(http, "hasWebPage");
	}

	@Test
	void micropythonKnownOnlyOnTheNetworkCannotBeReprovisioned() {
		Device remote = Device.builder(DeviceKind.MICROPYTHON).hostname("esp32-board").build();
		assertOffers(remote, "hasWebPage");
	}

	@Test
	void rowsThatAreNotDevicesHaveNoProperties() {
		for (String property : PROPERTIES) {
			assertFalse(tester.test("Boards on USB", property, new Object[0], null), property);
			assertFalse(tester.test(null, property, new Object[0], null), property);
		}
		assertNull(DeviceCapabilities.device("Boards on USB"));
	}

	@Test
	void expectedValueFalseInvertsTheTest() {
		Device improv = serial(DeviceKind.IMPROV);
		assertFalse(tester.test(improv, "canProvision", new Object[0], Boolean.TRUE));
		assertNotEquals(tester.test(improv, "canProvision", new Object[0], Boolean.TRUE),
				tester.test(improv, "canProvision", new Object[0], "false"));
	}

	private void assertOffers(Device device, String... expected) {
		Map<String, Boolean> wanted = new TreeMap<>();
		Map<String, Boolean> actual = new TreeMap<>();
		for (String property : PROPERTIES) {
			wanted.put(property, Boolean.valueOf(java.util.List.of(expected).contains(property)));
			actual.put(property, Boolean.valueOf(tester.test(device, property, new Object[0], null)));
		}
		assertEquals(wanted, actual, device.toString());
	}
}
