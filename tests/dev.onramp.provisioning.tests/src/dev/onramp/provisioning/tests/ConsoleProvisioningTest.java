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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.core.Secret;
import dev.onramp.core.provisioning.ProvisioningTarget;
import dev.onramp.core.provisioning.ProvisioningTransport;
import dev.onramp.core.provisioning.QrPayload;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.commands.FleetManifest;
import dev.onramp.headless.internal.commands.ProvisionCommand;
import dev.onramp.provisioning.internal.ConsoleTransport;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.provisioning.internal.QrPayloadDecoder;
import dev.onramp.provisioning.internal.QrPayloadReader;
import dev.onramp.simulator.internal.ResetWiredLine;
import dev.onramp.simulator.protocomm.ProtocommConsoleOptions;
import dev.onramp.simulator.protocomm.ProtocommConsoleOptions.Fault;
import dev.onramp.simulator.protocomm.ProtocommConsoleServer;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.ProtocommFirmware;
import dev.onramp.simulator.protocomm.SimulatedProtocommConsole;

/**
 * Protocomm over the UART console, end to end: the real serial service opens {@code socket://} lines and
 * pseudo-terminals made by socat, carrying the simulated protocomm console.
 */
class ConsoleProvisioningTest {

	private static final String POP = "canary-pop-7f3a91";
	private static ISerialPortService ports;

	private final List<AutoCloseable> open = new ArrayList<>();
	private final List<String> logged = new CopyOnWriteArrayList<>();
	private final ILogListener logListener = (status, plugin) -> logged.add(status.toString());
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@TempDir
	Path dataDir;

	@BeforeAll
	static void services() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(ConsoleTransport.class).getBundleContext();
		ServiceTracker<ISerialPortService, ISerialPortService> tracker = new ServiceTracker<>(context,
				ISerialPortService.class, null);
		tracker.open();
		ports = tracker.waitForService(10_000);
		assertNotNull(ports, "the serial port service is registered (dev.onramp.serial installed)");
	}

	@BeforeEach
	void listen() {
		Platform.addLogListener(logListener);
	}

	@AfterEach
	void close() throws Exception {
		Platform.removeLogListener(logListener);
		for (AutoCloseable c : open) {
			c.close();
		}
	}

	private ProtocommConsoleServer server(ProtocommDeviceConfig.Builder config, ProtocommConsoleOptions options)
			throws IOException {
		ProtocommConsoleServer server = new ProtocommConsoleServer(config.build(), options);
		open.add(server);
		return server;
	}

	private static ProtocommDeviceConfig.Builder sec1() {
		return Devices.config().security(1).pop(POP);
	}

	private int run(Map<String, String> environment, String... args) {
		out.reset();
		err.reset();
		CommandRunner runner = new CommandRunner();
		runner.addCommand("provision", new ProvisionCommand(new ProtocommProvisioner(ports), new QrPayloadReader(ports)));
		String[] all = new String[args.length + 3];
		all[0] = "--data-dir";
		all[1] = dataDir.toString();
		all[2] = "--json";
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

	private void assertNoSecret(String secret) {
		assertFalse(output().contains(secret), output());
		for (String entry : logged) {
			assertFalse(entry.contains(secret), entry);
		}
	}

	@Test
	void security1ScanAndProvisionOverSocket() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults());
		int code = run(Map.of(), "provision", POP, "--transport", "console", "--port", device.uri(), "--scan");
		assertEquals(0, code, output());
		assertTrue(json().get("networks").getAsJsonArray().size() > 2, output());
		assertEquals("console", json().get("transport").getAsString());
		code = run(Map.of("PW", Devices.HOME_PASSWORD), "provision", POP, "--transport", "console", "--port",
				device.uri(), "--ssid", Devices.HOME, "--password-env", "PW");
		assertEquals(0, code, output());
		assertEquals("192.168.1.77", json().get("ip").getAsString());
		assertEquals("1", json().get("security").getAsString());
		assertEquals("console", json().get("transport").getAsString());
		assertEquals(device.uri(), json().get("port").getAsString());
		assertEquals(Devices.HOME, device.firmware().lastReceivedSsid());
		assertTrue(device.commandLines().stream().allMatch(line -> line.length() + 1 <= ConsoleTransport.MAX_LINE));
		assertNoSecret(POP);
		assertNoSecret(Devices.HOME_PASSWORD);
	}

	@Test
	void security0OverAPseudoTerminal() throws Exception {
		ProtocommConsoleServer device = server(Devices.config().security(0).pop(null),
				ProtocommConsoleOptions.defaults());
		String pty = pty(device.port());
		int code = run(Map.of("PW", Devices.OFFICE_PASSWORD), "provision", "--transport", "console", "--port", pty,
				"--ssid", Devices.OFFICE, "--password-env", "PW");
		assertEquals(0, code, output());
		assertEquals("0", json().get("security").getAsString());
		assertEquals(Devices.OFFICE, device.firmware().lastReceivedSsid());
	}

	@Test
	void security2IsRefusedBeforeTheHandshake() throws Exception {
		ProtocommConsoleServer device = server(Devices.config().security(2), ProtocommConsoleOptions.defaults());
		int code = run(Map.of(), "provision", "abcd1234", "--transport", "console", "--port", device.uri(), "--scan");
		assertEquals(2, code, output());
		assertTrue(output().contains("256 bytes") && output().contains("SoftAP"), output());
		assertTrue(device.commandLines().stream().noneMatch(line -> line.startsWith("prov-session")),
				device.commandLines().toString());
	}

	@Test
	void wrongProofOfPossessionIsRejectedAndNotRetried() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults());
		int code = run(Map.of(), "provision", "wrong-pop-1234", "--transport", "console", "--port", device.uri(),
				"--scan");
		assertEquals(4, code, output());
		assertTrue(output().contains("does not retry"), output());
		assertEquals(2, device.commandLines().stream().filter(line -> line.startsWith("prov-session")).count(),
				"one handshake, Cmd0 and the rejected Cmd1, nothing more: " + device.commandLines());
		assertNoSecret("wrong-pop-1234");
	}

	@Test
	void wrongPasswordExitsFiveAndTheNextRunResetsTheAttempt() throws Exception {
		ProtocommConsoleServer device = server(sec1().attempts(1), ProtocommConsoleOptions.defaults());
		int code = run(Map.of("PW", "not-the-password"), "provision", POP, "--transport", "console", "--port",
				device.uri(), "--ssid", Devices.HOME, "--password-env", "PW");
		assertEquals(5, code, output());
		code = run(Map.of("PW", Devices.HOME_PASSWORD), "provision", POP, "--transport", "console", "--port",
				device.uri(), "--ssid", Devices.HOME, "--password-env", "PW");
		assertEquals(0, code, output());
		assertEquals(1, device.firmware().resets());
		assertNoSecret("not-the-password");
	}

	@Test
	void networkNotFoundExitsSix() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults());
		int code = run(Map.of("PW", "whatever-123"), "provision", POP, "--transport", "console", "--port",
				device.uri(), "--ssid", "Nowhere-5G", "--password-env", "PW");
		assertEquals(6, code, output());
	}

	@Test
	void aSilentDeviceTimesOut() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults().withFault(Fault.SILENT));
		long start = System.nanoTime();
		int code = run(Map.of(), "provision", POP, "--transport", "console", "--port", device.uri(), "--scan",
				"--timeout", "2");
		assertEquals(7, code, output());
		assertTrue(output().contains("protocomm console prompt"), output());
		assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
	}

	@Test
	void garbageInsteadOfHexIsAProtocolError() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults().withFault(Fault.GARBAGE));
		int code = run(Map.of(), "provision", POP, "--transport", "console", "--port", device.uri(), "--scan");
		assertEquals(3, code, output());
		assertEquals("protocol_error", json().getAsJsonObject("error").get("reason").getAsString());
		assertTrue(output().contains("where a hex reply belongs"), output());
	}

	@Test
	void aDeviceVanishingMidReply() throws Exception {
		ProtocommConsoleServer device = server(sec1(),
				ProtocommConsoleOptions.defaults().withFault(Fault.DROP_MID_REPLY));
		int code = run(Map.of(), "provision", POP, "--transport", "console", "--port", device.uri(), "--scan");
		assertEquals(3, code, output());
		assertEquals("device_vanished", json().getAsJsonObject("error").get("reason").getAsString());
	}

	@Test
	void aMissingEndpointIsReportedAsMissing() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults().withErrorLogs(false));
		ProtocommProvisioner provisioner = new ProtocommProvisioner(ports);
		ProvisioningTarget target = new ProvisioningTarget(device.uri(), "auto", null, Optional.of(Secret.of(POP)),
				Duration.ofSeconds(20), ProvisioningTransport.CONSOLE);
		try (var session = provisioner.open(target, new NullProgressMonitor())) {
			OnrampException e = assertThrows(OnrampException.class,
					() -> session.associateUser("user", Secret.of("key"), new NullProgressMonitor()));
			assertTrue(e.getMessage().contains("cloud_user_assoc"), e.getMessage());
			assertEquals(FailureReason.PROTOCOL_ERROR, e.reason());
		}
	}

	@Test
	void aTooLongRequestIsRefusedBeforeItIsSent() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults());
		ProtocommProvisioner provisioner = new ProtocommProvisioner(ports);
		ProvisioningTarget target = new ProvisioningTarget(device.uri(), "auto", null, Optional.of(Secret.of(POP)),
				Duration.ofSeconds(20), ProvisioningTransport.CONSOLE);
		try (var session = provisioner.open(target, new NullProgressMonitor())) {
			OnrampException e = assertThrows(OnrampException.class,
					() -> session.exchange("custom-data", new byte[200], new NullProgressMonitor()));
			assertEquals(FailureReason.USAGE, e.reason());
			assertTrue(device.commandLines().stream().noneMatch(line -> line.startsWith("custom-data")));
		}
	}

	@Test
	void consoleNeedsAPort() {
		assertEquals(2, run(Map.of(), "provision", POP, "--transport", "console", "--scan"));
		assertTrue(output().contains("--port P"), output());
		assertEquals(2, run(Map.of(), "provision", POP, "--transport", "ble", "--scan"));
		assertTrue(output().contains("--device-name"), output());
		assertEquals(2, run(Map.of(), "provision", POP, "--transport", "carrier-pigeon", "--scan"));
	}

	@Test
	void qrPayloadFromJsonAndFromTheEnvironment() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults());
		String payload = "{\"ver\":\"v1\",\"name\":\"PROV_5e1102\",\"pop\":\"" + POP + "\",\"transport\":\"softap\"}";
		int code = run(Map.of(), "provision", "--qrcode", payload, "--transport", "console", "--port", device.uri(),
				"--scan");
		assertEquals(0, code, output());
		assertEquals("PROV_5e1102", json().getAsJsonObject("qrcode").get("name").getAsString());
		assertEquals("softap", json().getAsJsonObject("qrcode").get("transport").getAsString());
		assertEquals("console", json().get("transport").getAsString(), "the explicit option wins");
		code = run(Map.of("QR", payload), "provision", "--qrcode-env", "QR", "--transport", "console", "--port",
				device.uri(), "--scan");
		assertEquals(0, code, output());
		code = run(Map.of("QR", payload), "provision", "wrong-pop-2", "--qrcode-env", "QR", "--transport", "console",
				"--port", device.uri(), "--scan");
		assertEquals(4, code, "the positional PoP overrides the payload's: " + output());
		assertNoSecret(POP);
	}

	@Test
	void malformedPayloads() {
		for (String bad : List.of("not json " + POP, "[1,2]", "{\"name\":42,\"pop\":\"" + POP + "\"}",
				"{\"pop\":\"" + POP + "\"}", "{\"name\":\"PROV_1\",\"transport\":\"pigeon\",\"pop\":\"" + POP + "\"}",
				"{\"name\":\"" + "x".repeat(65) + "\",\"pop\":\"" + POP + "\"}", "{\"name\":\"PROV_1\",\"pop\":\"" + POP)) {
			OnrampException e = assertThrows(OnrampException.class,
					() -> QrPayloadDecoder.decode(bad, FailureReason.USAGE, "given"), bad);
			assertEquals(FailureReason.USAGE, e.reason());
			assertFalse(e.userText().contains(POP), e.userText());
		}
		assertEquals(2, run(Map.of(), "provision", "--qrcode", "{\"pop\":\"" + POP + "\"}", "--scan"));
		assertNoSecret(POP);
	}

	@Test
	void qrPayloadFromTheBootLog() throws Exception {
		String payload = "{\"ver\":\"v1\",\"name\":\"PROV_5e1102\",\"username\":\"wifiprov\",\"pop\":\"" + POP
				+ "\",\"transport\":\"ble\"}";
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults().withQrPayload(payload));
		QrPayload read = new QrPayloadReader(ports).readFromBootLog(device.uri(), Duration.ofSeconds(10),
				new NullProgressMonitor());
		assertEquals("PROV_5e1102", read.name());
		assertEquals(Optional.of(ProvisioningTransport.BLE), read.transport());
		assertEquals(POP, read.proofOfPossession().get().reveal());
		assertFalse(read.toString().contains(POP));
		int code = run(Map.of(), "provision", "--qrcode-port", device.uri(), "--transport", "console", "--port",
				device.uri(), "--scan");
		assertEquals(0, code, output());
		assertEquals("ble", json().getAsJsonObject("qrcode").get("transport").getAsString());
		assertNoSecret(POP);
	}

	@Test
	void qrPayloadFromTheBootLogAfterAReset() throws Exception {
		String payload = "{\"ver\":\"v1\",\"name\":\"PROV_77aa01\",\"pop\":\"" + POP + "\",\"transport\":\"softap\"}";
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyUSB7", "board");
		SimulatedProtocommConsole console = new SimulatedProtocommConsole(pipe.b(),
				new ProtocommFirmware(sec1().build()),
				ProtocommConsoleOptions.defaults().withQrPayload(payload).withBootOnReset(true));
		open.add(console);
		QrPayload read = QrPayloadReader.read(new ResetWiredLine(pipe.a(), console::reset), "/dev/ttyUSB7",
				Duration.ofSeconds(15), new NullProgressMonitor());
		assertEquals("PROV_77aa01", read.name());
		assertEquals(1, console.resets());
	}

	@Test
	void noPayloadInTheBootLogTimesOut() throws Exception {
		ProtocommConsoleServer device = server(sec1(), ProtocommConsoleOptions.defaults());
		OnrampException e = assertThrows(OnrampException.class, () -> new QrPayloadReader(ports)
				.readFromBootLog(device.uri(), Duration.ofSeconds(2), new NullProgressMonitor()));
		assertEquals(FailureReason.TIMEOUT, e.reason());
		assertTrue(e.userText().contains("RESET"), e.userText());
	}

	@Test
	void fleetRowsWithTheConsoleTransport() throws Exception {
		FleetManifest manifest = FleetManifest.parse("""
				name,protocol,target,transport,port,device_name,ssid,pop
				a,provision,192.168.4.1:80,,,,HomeNet,p1
				b,provision,,console,/dev/ttyUSB0,,HomeNet,p2
				c,provision,socket://127.0.0.1:4000,console,,,HomeNet,p3
				d,provision,,ble,,PROV_d76c30,HomeNet,p4
				""");
		assertEquals(ProvisioningTransport.SOFTAP, manifest.rows().get(0).transport());
		assertEquals("/dev/ttyUSB0", manifest.rows().get(1).address());
		assertEquals("socket://127.0.0.1:4000", manifest.rows().get(2).address());
		assertEquals("PROV_d76c30", manifest.rows().get(3).address());
		assertThrows(OnrampException.class, () -> FleetManifest.parse("name,protocol,target,transport,ssid\n"
				+ "a,provision,x,pigeon,HomeNet\n"));
		assertThrows(OnrampException.class, () -> FleetManifest.parse("name,protocol,target,transport,ssid\n"
				+ "a,improv,/dev/ttyUSB0,console,HomeNet\n"));
	}

	/** A pseudo-terminal from socat, linked in the temporary folder, carrying the line at 127.0.0.1:port. */
	private String pty(int tcpPort) throws IOException {
		Path link = dataDir.resolve("ttyPROV0");
		Process socat;
		try {
			socat = new ProcessBuilder("socat", "pty,rawer,link=" + link, "tcp:127.0.0.1:" + tcpPort)
					.redirectErrorStream(true).redirectOutput(dataDir.resolve("socat.log").toFile()).start();
		} catch (IOException e) {
			throw new AssertionError("These tests need socat (apt-get install socat): " + e.getMessage(), e);
		}
		open.add(() -> {
			socat.destroyForcibly();
			socat.waitFor();
		});
		long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!Files.exists(link) && socat.isAlive() && System.nanoTime() < end) {
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
		assertTrue(Files.exists(link), "socat made " + link);
		return link.toString();
	}
}
