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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.core.provisioning.ProvisioningResult;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.WifiCredentials;
import dev.onramp.core.provisioning.WifiNetwork;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.IPortListener;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.core.serial.SerialPortInfo;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.commands.ChangeWifiCommand;
import dev.onramp.provisioning.internal.Deadline;
import dev.onramp.provisioning.internal.improv.ImprovClient;
import dev.onramp.provisioning.internal.improv.ImprovFrame;
import dev.onramp.provisioning.internal.improv.ImprovFrameReader;
import dev.onramp.provisioning.internal.improv.ImprovProvisioner;
import dev.onramp.simulator.improv.SimulatedImprovDevice;

class ImprovTest {

	private final List<AutoCloseable> open = new ArrayList<>();

	@TempDir
	Path dataDir;

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
	}

	private IByteChannel device(boolean corrupt) {
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyACM0", "device");
		open.add(new SimulatedImprovDevice(pipe.b(), Map.of(Devices.HOME, Devices.HOME_PASSWORD),
				List.of("Neighbour-1", "Neighbour-2"), corrupt));
		return pipe.a();
	}

	private ImprovClient client(IByteChannel line) {
		return new ImprovClient(line, Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	@Test
	void framesCarryTheSpecChecksum() {
		byte[] bytes = ImprovFrame.rpc(ImprovClient.RPC_REQUEST_STATE, new byte[0]).encode();
		int sum = 0;
		for (int i = 0; i < bytes.length - 2; i++) {
			sum += bytes[i] & 0xff;
		}
		assertEquals("IMPROV", new String(bytes, 0, 6, StandardCharsets.US_ASCII));
		assertEquals(sum & 0xff, bytes[bytes.length - 2] & 0xff);
		assertEquals('\n', bytes[bytes.length - 1]);
	}

	@Test
	void readerSkipsLogLinesAndAcceptsThePyDirectChecksumVariant() throws Exception {
		ByteChannelPipe pipe = new ByteChannelPipe("host", "device");
		byte[] frame = new ImprovFrame(ImprovFrame.TYPE_CURRENT_STATE, new byte[] { 0x02 }).encode();
		frame[frame.length - 2] = (byte) (frame[frame.length - 2] - 0xDD); // checksum without the header
		pipe.b().write("I (12) boot: hello\r\nIMPRO".getBytes(StandardCharsets.US_ASCII));
		pipe.b().write(frame);
		ImprovFrame read = new ImprovFrameReader(pipe.a()).next(Deadline.in(Duration.ofSeconds(2)));
		assertEquals(0x01, read.type(), "the serial specification's Current state packet");
		assertEquals(2, read.data()[0]);
	}

	@Test
	void deviceInfoAndScanThroughLogNoise() throws Exception {
		ImprovClient client = client(device(false));
		assertEquals(0x02, client.requestState(), "the serial specification's Ready (Authorized)");
		assertEquals(List.of("pyDirect", "1.4.2", "ESP32-S3", "pydirect-ab12"), client.deviceInfo());
		List<WifiNetwork> networks = client.scan(new NullProgressMonitor());
		assertEquals(3, networks.size());
		assertEquals(Devices.HOME, networks.get(0).ssid());
	}

	@Test
	void provisionReportsTheDeviceAddress() throws Exception {
		ProvisioningResult result = ImprovProvisioner.provision(client(device(false)),
				new WifiCredentials(Devices.HOME, Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor());
		assertEquals("192.168.1.61", result.ipAddress().orElseThrow());
		assertEquals("improv", result.security());
	}

	@Test
	void wrongPasswordAndUnknownNetworkAreToldApart() throws Exception {
		ImprovClient client = client(device(false));
		OnrampException auth = assertThrows(OnrampException.class, () -> ImprovProvisioner.provision(client,
				new WifiCredentials(Devices.HOME, Secret.of("wrong")), new NullProgressMonitor()));
		assertEquals(FailureReason.WIFI_AUTH_FAILED, auth.reason());
		OnrampException missing = assertThrows(OnrampException.class, () -> ImprovProvisioner.provision(client,
				new WifiCredentials("Cafe-5GHz", Secret.of("x")), new NullProgressMonitor()));
		assertEquals(FailureReason.WIFI_NETWORK_NOT_FOUND, missing.reason());
		// the device is still usable after failures
		assertTrue(ImprovProvisioner.provision(client, new WifiCredentials(Devices.HOME,
				Secret.of(Devices.HOME_PASSWORD)), new NullProgressMonitor()).ipAddress().isPresent());
	}

	@Test
	void corruptedChecksumsTimeOutWithAHint() {
		ImprovClient client = new ImprovClient(device(true), Duration.ofMillis(800), Duration.ofSeconds(2));
		long start = System.nanoTime();
		OnrampException e = assertThrows(OnrampException.class, client::requestState);
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertTrue(e.hint().orElseThrow().contains("checksum"), e.hint().orElseThrow());
		assertTrue(elapsed < 800 + 1000, "took " + elapsed + " ms");
	}

	/** A port service whose only port is the simulated device's line. */
	private ISerialPortService ports(IByteChannel line) {
		return new ISerialPortService() {
			@Override
			public List<SerialPortInfo> listPorts() {
				return List.of();
			}

			@Override
			public IByteChannel open(String port, int baudRate) {
				return line;
			}

			@Override
			public void addPortListener(IPortListener listener) {
				// no hot-plug here
			}

			@Override
			public void removePortListener(IPortListener listener) {
				// no hot-plug here
			}
		};
	}

	/** An explicit {@code --protocol} asks the device nothing before it provisions. */
	private static final IDeviceIdentifier NOT_ASKED = new IDeviceIdentifier() {
		@Override
		public PortIdentity identify(String port, IProgressMonitor monitor) {
			throw new AssertionError("identified " + port);
		}

		@Override
		public PortIdentity identify(IByteChannel channel, IProgressMonitor monitor) {
			throw new AssertionError("identified " + channel);
		}
	};

	@Test
	void changeWifiCommandOverImprov() throws Exception {
		String password = "canary-improv-3e9d";
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyACM0", "device");
		open.add(new SimulatedImprovDevice(pipe.b(), Map.of("Lab", password), List.of(), false));
		CommandRunner runner = new CommandRunner();
		runner.addCommand("change-wifi", new ChangeWifiCommand(List.<IWifiProvisioner>of(new ImprovProvisioner(ports(pipe.a()))),
				NOT_ASKED));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = runner.run(
				new String[] { "--data-dir", dataDir.toString(), "--json", "change-wifi", "--port", "/dev/ttyACM0",
						"--protocol", "improv", "--ssid", "Lab", "--password-env", "PW" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				Map.of("PW", password));
		String stdout = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, stdout + err);
		JsonObject json = JsonParser.parseString(stdout).getAsJsonObject();
		assertEquals("192.168.1.61", json.get("ip").getAsString());
		assertEquals("improv", json.get("protocol").getAsString());
		assertFalse((stdout + err).contains(password));
	}

	@Test
	void timeoutOfTheConnectPhaseIsTheTargets() {
		ProvisioningTarget target = new ProvisioningTarget("/dev/ttyACM0", null, null, Optional.empty(),
				Duration.ofSeconds(42));
		assertEquals(Duration.ofSeconds(42), target.timeout());
		assertTrue(ImprovProvisioner.client(new ByteChannelPipe("a", "b").a(), target) != null);
	}
}
