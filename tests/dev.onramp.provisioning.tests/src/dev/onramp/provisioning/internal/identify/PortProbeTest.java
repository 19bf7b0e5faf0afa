/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.internal.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.DeviceKind;
import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.EspIdfConsoleInfo;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.identify.ImprovDeviceInfo;
import dev.onramp.core.identify.PortIdentity;
import dev.onramp.core.repl.IReplService;
import dev.onramp.core.repl.IReplSession;
import dev.onramp.core.serial.ByteChannelPipe;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.espidf.EspIdfConsoleConfig;
import dev.onramp.simulator.espidf.SimulatedEspIdfConsole;
import dev.onramp.simulator.improv.SimulatedImprovDevice;

/**
 * The identifier (as DS wires it) and its probes against simulated devices on in-memory lines: what each kind
 * reports, and that each probe's bytes leave the other kinds of device as they were.
 */
class PortProbeTest {

	private static final Duration READY = Duration.ofSeconds(5);

	private static IDeviceIdentifier identifier;
	private static IReplService repl;

	private final List<AutoCloseable> open = new ArrayList<>();
	private final NullProgressMonitor monitor = new NullProgressMonitor();

	@BeforeAll
	static void services() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(PortProbe.class).getBundleContext();
		identifier = service(context, IDeviceIdentifier.class);
		repl = service(context, IReplService.class);
	}

	private static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		T service = tracker.waitForService(10_000);
		assertNotNull(service, type.getSimpleName() + " is registered (DS, with dev.onramp.serial installed)");
		return service;
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
	}

	@Test
	void improvDeviceTellsItsFirmwareChipNameStateAndHostname() throws Exception {
		PortIdentity identity = identifier.identify(improv(), monitor);
		assertEquals(DeviceKind.IMPROV, identity.kind());
		assertEquals("improv", identity.kindKey());
		ImprovDeviceInfo info = identity.improv().orElseThrow();
		assertEquals(List.of("pyDirect", "1.4.2", "ESP32-S3", "pydirect-ab12"), info.deviceInfo());
		assertEquals(Optional.empty(), info.osName(), "the simulated firmware sends no OS fields");
		assertEquals(Optional.of("authorized"), info.state());
		assertEquals(Optional.of("pydirect-ab12"), identity.hostname());
		assertEquals(Optional.of("ESP32-S3"), identity.chip());
		assertEquals(Optional.empty(), identity.mac(), "Improv does not report a MAC");
	}

	@Test
	void consoleIsAskedOnlyForHelpAndVersionOnceItsBootEnded() throws Exception {
		EspIdfConsoleConfig config = EspIdfConsoleConfig.defaults().withChip("ESP32-S3", 2,
				"/802.11bgn/BLE/External-Flash:8 MB", 2);
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyUSB1", "device");
		SimulatedEspIdfConsole device = console(pipe, config);

		PortIdentity identity = identifier.identify(pipe.a(), monitor);

		assertEquals(DeviceKind.ESP_IDF_CONSOLE, identity.kind());
		assertEquals("esp-idf-console", identity.kindKey());
		EspIdfConsoleInfo info = identity.console().orElseThrow();
		assertEquals("esp32>", info.prompt());
		assertEquals(Optional.of("v5.5"), info.idfVersion());
		assertEquals(Optional.of("ESP32-S3"), identity.chip());
		assertEquals(Optional.of(2), info.revision());
		assertEquals(Optional.of(2), info.cores());
		assertEquals(Optional.of("802.11bgn/BLE/External-Flash:8 MB"), info.features());
		assertEquals(Optional.of("console"), info.project());
		assertEquals(Optional.of("1.0"), info.appVersion());
		assertEquals(List.of("help", "free", "heap", "version", "restart", "log_level"), info.commands());
		assertEquals(config.stationMac(), identity.mac(), "from the Wi-Fi driver's line in the boot log");
		assertEquals(List.of("help", "version"), device.commandLines(),
				"no command the console did not list, and no line made of another protocol's bytes");
		assertEquals(0, device.bytesDuringTerminalCheck(),
				"nothing was sent while the console waited for a terminal's answer");
	}

	@Test
	void consoleWithoutVersionCommandOrWifiStillGivesItsReleaseFromTheBootLog() throws Exception {
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyUSB2", "device");
		SimulatedEspIdfConsole device = console(pipe, EspIdfConsoleConfig.defaults().withPrompt("[lab]>")
				.withVersionCommand(false).withStationMac(Optional.empty()).withColours(false));

		PortIdentity identity = identifier.identify(pipe.a(), monitor);

		EspIdfConsoleInfo info = identity.console().orElseThrow();
		assertEquals("[lab]>", info.prompt());
		assertEquals(Optional.of("v5.5"), info.idfVersion(), "the boot log's ESP-IDF line");
		assertEquals(Optional.empty(), identity.chip(), "only version tells the chip");
		assertEquals(Optional.empty(), identity.mac());
		assertEquals(List.of("help"), device.commandLines(), "version is not run when help does not list it");
	}

	@Test
	void micropythonBoardIsIdentifiedAndItsReplWorksAfterwards() throws Exception {
		SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
		open.add(device);
		IByteChannel host = device.connectPipe();
		open.add(host);

		PortIdentity identity = identifier.identify(host, monitor);

		assertEquals(DeviceKind.PYDIRECT, identity.kind());
		assertEquals(Optional.of(device.mac()), identity.mac());
		// the firmware's rule gives pyDirect-xxxx; Onramp writes host names in lower case, as the installer stores them
		assertEquals(Optional.of(device.hostname().toLowerCase(java.util.Locale.ROOT)), identity.hostname());
		assertEquals(Optional.of("ESP32"), identity.chip(), "from os.uname().machine");
		try (IReplSession session = repl.connect(host, monitor)) {
			assertEquals("2", session.execOrThrow("print(1 + 1)", "Adding").strip(),
					"the board's REPL answers after the Improv frame and the probe");
		}
	}

	@Test
	void aPyDirectBoardThatJustResetIsInterruptedAtItsBootBannerBeforeMainPyTakesOver() throws Exception {
		SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(
				SimulatorOptions.pyDirectDefaults().withHeartbeat(Duration.ofMillis(5)));
		open.add(device);
		List<String> tried = new ArrayList<>();
		IByteChannel host = device.connectPipe();
		open.add(host);

		PortIdentity identity = new PortProbe(new ProbeLine(host), "P", recordingProbes(tried)).identify(monitor);

		assertEquals(DeviceKind.PYDIRECT, identity.kind());
		assertEquals(Optional.of(device.mac()), identity.mac());
		assertEquals(List.of("MicroPython REPL"), tried, "boot.py's banner sent the REPL first, no Improv frame");
		assertEquals(0, device.hardResets(), "Ctrl-C reached the REPL before main.py ran: no reset was needed");
	}

	@Test
	void aPyDirectBoardPrintingOnIsAskedOverItsReplFirstWithoutWaitingForQuiet() throws Exception {
		SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice.withTemporaryFlash(SimulatorOptions
				.pyDirectDefaults().withHeartbeat(Duration.ofMillis(5)).withInterruptWindow(Duration.ofMillis(20)));
		open.add(device);
		List<String> tried = new ArrayList<>();
		IByteChannel host = device.connectPipe();
		open.add(host);
		awaitOutput(host, "tick 3\r\n"); // main.py runs: its boot banner is past, as on a port opened without a reset

		PortIdentity identity = new PortProbe(new ProbeLine(host), "P", recordingProbes(tried)).identify(monitor);

		assertEquals(DeviceKind.PYDIRECT, identity.kind());
		assertEquals(Optional.of(device.mac()), identity.mac());
		assertEquals(List.of("MicroPython REPL"), tried,
				"the lines main.py printed sent the REPL first, and no Improv frame went to the board");
		assertEquals(1, device.hardResets(), "main.py ignored Ctrl-C: the REPL was reached through one reset");
	}

	private static void awaitOutput(IByteChannel host, String marker) throws OnrampException {
		StringBuilder seen = new StringBuilder();
		byte[] buffer = new byte[256];
		long end = System.nanoTime() + READY.toNanos();
		while (seen.indexOf(marker) < 0) {
			assertTrue(System.nanoTime() - end < 0, "the board printed " + marker.strip() + " within " + READY);
			int n = host.read(buffer, 0, buffer.length, Duration.ofMillis(100));
			seen.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
		}
	}

	private List<Probe> recordingProbes(List<String> tried) {
		List<Probe> probes = new ArrayList<>();
		for (Probe probe : List.of(new ImprovProbe(), new ReplProbe(repl), new EspIdfConsoleProbe())) {
			probes.add(recording(probe, tried));
		}
		return probes;
	}

	private static Probe recording(Probe probe, List<String> tried) {
		return new Probe() {
			@Override
			public String protocol() {
				return probe.protocol();
			}

			@Override
			public boolean suits(LineEvidence evidence) {
				return probe.suits(evidence);
			}

			@Override
			public Optional<PortIdentity> identify(ProbeLine line, String port,
					org.eclipse.core.runtime.IProgressMonitor progress) throws OnrampException {
				tried.add(probe.protocol());
				return probe.identify(line, port, progress);
			}
		};
	}

	@Test
	void anImprovFrameInterruptsMainPyAndTheReplProbeThenAnswers() throws Exception {
		SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults().withPyDirect(false));
		open.add(device);
		ProbeLine line = new ProbeLine(device.connectPipe());

		assertEquals(Optional.empty(), new ImprovProbe().identify(line, "P", monitor));
		assertEquals(LineEvidence.Hint.MICROPYTHON, LineEvidence.of(line.transcript()).hint(),
				"the frame's Ctrl-C stopped main.py and the banner points at the REPL");
		assertEquals(Optional.of(DeviceKind.MICROPYTHON),
				new ReplProbe(repl).identify(line, "P", monitor).map(PortIdentity::kind));
	}

	@Test
	void anImprovFrameMakesAConsoleRunOnlyTheLineImprovAndTheConsoleProbeThenAnswers() throws Exception {
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyUSB3", "device");
		SimulatedEspIdfConsole device = console(pipe, EspIdfConsoleConfig.defaults());
		ProbeLine line = readyLine(pipe.a());

		assertEquals(Optional.empty(), new ImprovProbe().identify(line, "P", monitor));
		assertEquals(LineEvidence.Hint.ESP_IDF_CONSOLE, LineEvidence.of(line.transcript()).hint(),
				"the console's answer points at it");
		assertTrue(new EspIdfConsoleProbe().identify(line, "P", monitor).isPresent());
		assertEquals(List.of("IMPROV", "help", "version"), device.commandLines());
	}

	@Test
	void replInterruptsMakeAConsoleRunNothing() throws Exception {
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyUSB4", "device");
		SimulatedEspIdfConsole device = console(pipe, EspIdfConsoleConfig.defaults());
		ProbeLine line = readyLine(pipe.a());

		assertEquals(Optional.empty(), new ReplProbe(repl).identify(line, "P", monitor));
		assertTrue(line.isOpen(), "the REPL client's failure leaves the port to the next probe");
		assertTrue(new EspIdfConsoleProbe().identify(line, "P", monitor).isPresent());
		assertEquals(List.of("help", "version"), device.commandLines(), "Ctrl-C and Ctrl-A ran no command");
	}

	@Test
	void replAndConsoleBytesLeaveAnImprovDeviceAnswering() throws Exception {
		ProbeLine line = new ProbeLine(improv());
		assertEquals(Optional.empty(), new ReplProbe(repl).identify(line, "P", monitor));
		assertEquals(Optional.empty(), new EspIdfConsoleProbe().identify(line, "P", monitor));
		assertEquals(Optional.of("pyDirect"),
				new ImprovProbe().identify(line, "P", monitor).flatMap(PortIdentity::improv)
						.flatMap(ImprovDeviceInfo::firmware));
	}

	private IByteChannel improv() {
		ByteChannelPipe pipe = new ByteChannelPipe("/dev/ttyACM0", "device");
		open.add(new SimulatedImprovDevice(pipe.b(), Map.of("HomeNet", "secret-" + System.nanoTime()), List.of(),
				false));
		return pipe.a();
	}

	private SimulatedEspIdfConsole console(ByteChannelPipe pipe, EspIdfConsoleConfig config) {
		SimulatedEspIdfConsole device = new SimulatedEspIdfConsole(pipe.b(), config);
		open.add(device);
		return device;
	}

	/** @return the line once the console waits at its prompt, so that its terminal check has passed */
	private static ProbeLine readyLine(IByteChannel host) throws OnrampException {
		ProbeLine line = new ProbeLine(host);
		byte[] buffer = new byte[512];
		long end = System.nanoTime() + READY.toNanos();
		while (!LineEvidence.of(line.transcript()).waitsForInput()) {
			assertTrue(System.nanoTime() - end < 0, "the console printed its prompt within " + READY.toSeconds() + " s");
			line.read(buffer, 0, buffer.length, Duration.ofMillis(100));
		}
		return line;
	}
}
