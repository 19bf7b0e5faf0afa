/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.commands.ProvisionCommand;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.provisioning.internal.ble.BleTransport;
import dev.onramp.provisioning.tests.bluez.BlueZStandIn;
import dev.onramp.provisioning.tests.bluez.BlueZStandIn.Fault;
import dev.onramp.provisioning.tests.bluez.PrivateBus;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.ProtocommFirmware;
import dev.onramp.simulator.protocomm.ProtocommGattService;

/** {@code onramp provision --transport ble --device-name PROV_...}: the exit code of each failure class, and JSON. */
class ProvisionBleCommandTest {

	private static final String NAME = BleProvisioningTest.NAME;
	private static final Map<String, String> PASSWORD = Map.of("WIFI_PW", Devices.HOME_PASSWORD);

	@TempDir
	Path folder;

	private PrivateBus bus;
	private BlueZStandIn bluez;
	private ProtocommGattService gatt;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@BeforeEach
	void startBus() throws Exception {
		bus = PrivateBus.start(Files.createDirectories(folder.resolve("bus")));
		System.setProperty(BleTransport.BUS_PROPERTY, bus.address());
	}

	@AfterEach
	void stopBus() {
		System.clearProperty(BleTransport.BUS_PROPERTY);
		if (bluez != null) {
			bluez.close();
		}
		bus.close();
	}

	private BlueZStandIn standIn(ProtocommDeviceConfig.Builder config, Fault... faults) throws Exception {
		gatt = new ProtocommGattService(new ProtocommFirmware(config.build()));
		bluez = new BlueZStandIn(bus.address(), NAME, gatt);
		for (Fault fault : faults) {
			bluez.with(fault);
		}
		return bluez.start();
	}

	private int run(Map<String, String> environment, String... args) {
		out.reset();
		err.reset();
		CommandRunner runner = new CommandRunner();
		runner.addCommand("provision", new ProvisionCommand(new ProtocommProvisioner()));
		String[] all = new String[args.length + 3];
		all[0] = "--data-dir";
		all[1] = folder.resolve("data").toString();
		all[2] = "provision";
		System.arraycopy(args, 0, all, 3, args.length);
		return runner.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
	}

	private String output() {
		return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
	}

	private JsonObject json() {
		return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
	}

	@Test
	void provisionsOverBleAndSaysSoInJson() throws Exception {
		standIn(Devices.config().security(2));
		int code = run(PASSWORD, "abcd1234", "--transport", "ble", "--device-name", NAME, "--ssid", Devices.HOME,
				"--password-env", "WIFI_PW", "--json");
		assertEquals(0, code, output());
		JsonObject json = json();
		assertTrue(json.get("ok").getAsBoolean(), output());
		assertEquals("ble", json.get("transport").getAsString());
		assertEquals(NAME, json.get("device_name").getAsString());
		assertEquals("192.168.1.77", json.get("ip").getAsString());
		assertEquals("2", json.get("security").getAsString());
		assertFalse(output().contains("abcd1234"), "the proof of possession is never printed");
		assertFalse(output().contains(Devices.HOME_PASSWORD), "the password is never printed");
		assertEquals(bluez.connects(), bluez.disconnects());
	}

	@Test
	void theDeviceNameAloneMeansBle() throws Exception {
		standIn(Devices.config().security(1).pop("p0p"));
		int code = run(PASSWORD, "p0p", "--device-name", NAME, "--ssid", Devices.HOME, "--password-env", "WIFI_PW");
		assertEquals(0, code, output());
		assertTrue(output().contains("joined \"HomeNet\" with IP address 192.168.1.77"), output());
	}

	@Test
	void wrongPopExitsWith4() throws Exception {
		standIn(Devices.config().security(2));
		int code = run(PASSWORD, "wrong-pop", "--transport", "ble", "--device-name", NAME, "--ssid", Devices.HOME,
				"--password-env", "WIFI_PW", "--json");
		assertEquals(4, code, output());
		assertEquals("handshake_rejected", json().getAsJsonObject("error").get("reason").getAsString());
		assertEquals(1, bluez.connects(), "not retried");
		assertEquals(1, bluez.disconnects());
	}

	@Test
	void wrongPasswordExitsWith5() throws Exception {
		standIn(Devices.config().security(2).attempts(1));
		int code = run(Map.of("WIFI_PW", "not it"), "abcd1234", "--transport", "ble", "--device-name", NAME,
				"--ssid", Devices.HOME, "--password-env", "WIFI_PW");
		assertEquals(5, code, output());
		assertFalse(output().contains("not it"), output());
	}

	@Test
	void networkNotFoundExitsWith6() throws Exception {
		standIn(Devices.config().security(2).attempts(1));
		int code = run(PASSWORD, "abcd1234", "--transport", "ble", "--device-name", NAME, "--ssid", "Elsewhere",
				"--password-env", "WIFI_PW");
		assertEquals(6, code, output());
	}

	@Test
	void aDeviceNotFoundExitsWith3AndNamesTheOnesSeen() throws Exception {
		standIn(Devices.config(), Fault.DEVICE_NEVER_APPEARS).alsoAdvertising("PROV_0a0b0c");
		int code = run(PASSWORD, "abcd1234", "--transport", "ble", "--device-name", NAME, "--ssid", Devices.HOME,
				"--password-env", "WIFI_PW", "--timeout", "1.5", "--json");
		assertEquals(3, code, output());
		assertTrue(json().getAsJsonObject("error").get("message").getAsString().contains("PROV_0a0b0c"), output());
	}

	@Test
	void aSilentDeviceExitsWith7() throws Exception {
		standIn(Devices.config().security(2), Fault.SILENT);
		int code = run(PASSWORD, "abcd1234", "--transport", "ble", "--device-name", NAME, "--ssid", Devices.HOME,
				"--password-env", "WIFI_PW", "--timeout", "1.5");
		assertEquals(7, code, output());
		assertEquals(bluez.connects(), bluez.disconnects());
	}

	@Test
	void bleWithoutADeviceNameIsAUsageError() {
		int code = run(PASSWORD, "abcd1234", "--transport", "ble", "--ssid", Devices.HOME, "--password-env", "WIFI_PW");
		assertEquals(2, code, output());
		assertTrue(output().contains("--device-name"), output());
	}

	@Test
	void anUnknownTransportIsAUsageError() {
		int code = run(PASSWORD, "abcd1234", "--transport", "zigbee", "--ssid", Devices.HOME, "--password-env",
				"WIFI_PW");
		assertEquals(2, code, output());
	}

	@Test
	void aFleetRowOverBle() throws Exception {
		standIn(Devices.config().security(2));
		Path manifest = Files.writeString(folder.resolve("devices.csv"), """
				name,protocol,target,transport,device_name,ssid,pop,password_env
				bench-1,provision,,ble,%s,HomeNet,abcd1234,WIFI_PW
				""".formatted(NAME));
		BundleContext context = FrameworkUtil.getBundle(ProtocommProvisioner.class).getBundleContext();
		ServiceTracker<CommandRunner, CommandRunner> runners = new ServiceTracker<>(context, CommandRunner.class,
				null);
		runners.open();
		try {
			CommandRunner runner = runners.waitForService(10_000);
			assertNotNull(runner, "the CommandRunner component is registered");
			int code = runner.run(
					new String[] { "--json", "--data-dir", folder.resolve("data").toString(), "fleet",
							manifest.toString() },
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
					PASSWORD);
			assertEquals(0, code, output());
			assertEquals(Devices.HOME, gatt.firmware().lastReceivedSsid());
			assertFalse(output().contains("abcd1234"), "the proof of possession is never printed");
			assertEquals(bluez.connects(), bluez.disconnects());
		} finally {
			runners.close();
		}
	}
}
