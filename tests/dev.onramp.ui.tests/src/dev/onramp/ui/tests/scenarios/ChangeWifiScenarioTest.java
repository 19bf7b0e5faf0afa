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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.MacAddress;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;
import dev.onramp.simulator.improv.ImprovSimulatorServer;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.scenarios.ScenarioJob;
import dev.onramp.ui.tests.driver.UiWatchdog;

/** Connect Device, then Change Wi-Fi, against simulated boards on real pseudo-terminals. */
class ChangeWifiScenarioTest extends ScenarioTestSupport {

	private static final String SSID = "OnrampLab";
	private static final String PASSWORD = "correcthorse7";

	private Path temporary;
	private final List<AutoCloseable> started = new java.util.ArrayList<>();

	@BeforeEach
	void temporaryFolder() throws Exception {
		temporary = Files.createTempDirectory("onramp-ui-scenarios");
	}

	@AfterEach
	void stopDevices() throws Exception {
		closeEverything();
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).close();
		}
	}

	@Test
	void connectDeviceThenChangeWifiOverImprovShowsTheAddress() throws Exception {
		ImprovSimulatorServer improv = keep(new ImprovSimulatorServer(Map.of(SSID, PASSWORD), List.of("Neighbour")));
		PseudoTerminal pty = keep(PseudoTerminal.plugIn(driver, temporary, "ttyUSB0", improv.port()));
		Device board = Device.builder(DeviceKind.IMPROV).name("Improv board").endpoint(EndpointKind.SERIAL, pty.port())
				.build();

		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(board);
			execute("dev.onramp.ui.commands.connectDevice");
			Shell chooser = shell("Connect Device");
			assertTrue(driver.findAll(org.eclipse.swt.widgets.Button.class, b -> b.getShell() == chooser
					&& b.getText().startsWith("Re-provision")).isEmpty(), "an Improv board cannot be re-provisioned");
			driver.label("through Improv serial or the MicroPython REPL");
			driver.screenshot(chooser, screenshots().resolve("connect-device.png"));
			choose("Change Wi-Fi");
			press("Continue");

			Shell dialog = shell("Change Wi-Fi");
			Text ssid = driver.textAfterLabel("Network (SSID):");
			Text password = driver.textAfterLabel("Password:");
			assertFalse(driver.button("Change Wi-Fi").isEnabled(), "nothing to run before the network is named");
			driver.type(ssid, SSID);
			driver.type(password, PASSWORD);
			assertTrue(driver.button("Change Wi-Fi").isEnabled());
			driver.screenshot(dialog, screenshots().resolve("change-wifi-dialog.png"));
			press("Change Wi-Fi");

			// the work is a user Job of the Onramp family, with the board's rule
			ScenarioJob job = scenarioJob().orElseThrow(() -> new AssertionError("no scenario Job after Change Wi-Fi"));
			assertEquals(new DeviceRule(pty.port()), job.getRule());
			assertTrue(job.isUser(), "the Progress view shows it");

			Shell result = shell("Wi-Fi changed");
			String text = outcome("Wi-Fi changed");
			assertTrue(text.contains("192.168.1.61"), () -> "the result names the address: " + text);
			assertTrue(text.contains(SSID), text);
			driver.screenshot(result, screenshots().resolve("change-wifi-result.png"));
			press("OK");
			watchdog.assertResponsive();
		}
		assertEquals(SSID, improv.lastReceivedSsid(), "the board got the network");
		assertTrue(CONSOLES.contains(pty.port() + " step: "), () -> "steps in the console: " + CONSOLES.lines());
		assertFalse(CONSOLES.contains(PASSWORD), "the password is never written to the console");
		assertTrue(CONSOLES.masks(PASSWORD), "the consoles are told to mask the password, whatever a board prints");
	}

	@Test
	void cancelEndsTheJobAndLeavesThePortFree() throws Exception {
		SimulatedNetwork network = SimulatedNetwork.isolated().withKnownNetwork(SSID, PASSWORD)
				.withJoinDelay(Duration.ofSeconds(60));
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults()
				.withMac(MacAddress.parse("24:0a:c4:e2:31:31")).withNetwork(network)
				.withInterruptWindow(Duration.ofSeconds(15));
		SimulatorServer server = keep(new SimulatorServer(keep(SimulatedMicroPythonDevice.withTemporaryFlash(options))));
		PseudoTerminal pty = keep(PseudoTerminal.plugIn(driver, temporary, "ttyACM0", server.port()));
		Device board = Device.builder(DeviceKind.PYDIRECT).name("pyDirect").endpoint(EndpointKind.SERIAL, pty.port())
				.build();

		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(board);
			execute("dev.onramp.ui.commands.changeWifi");
			driver.type(driver.textAfterLabel("Network (SSID):"), SSID);
			driver.type(driver.textAfterLabel("Password:"), PASSWORD);
			press("Change Wi-Fi");
			ScenarioJob job = scenarioJob().orElseThrow();
			// the board takes a minute to join: cancel while Onramp waits for it, as the Progress view's button does
			driver.waitUntil("the board to be asked to join", () -> CONSOLES.contains("Connecting to \"" + SSID),
					Duration.ofSeconds(30));
			long cancelled = System.nanoTime();
			job.cancel();
			driver.waitUntil("the Job to end after cancel", () -> job.getState() == Job.NONE, Duration.ofSeconds(10));
			assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), () -> "cancelled: " + job.getResult());
			assertTrue(Duration.ofNanos(System.nanoTime() - cancelled).compareTo(Duration.ofSeconds(5)) < 0,
					"the Job ends soon after cancel");
			driver.flushEvents();
			assertTrue(driver.findAll(Shell.class, s -> "Wi-Fi not changed".equals(s.getText())).isEmpty(),
					"a cancel is not reported as a failure");
			assertTrue(CONSOLES.contains("Cancelled."), () -> "the console says so: " + CONSOLES.lines());

			// the port is free: it opens again (off the UI thread, as any port work)
			CompletableFuture<String> reopened = CompletableFuture.supplyAsync(() -> reopen(pty.port()));
			driver.waitUntil("the port to open again", reopened::isDone, Duration.ofSeconds(10));
			assertEquals("opened", reopened.get());
			watchdog.assertResponsive();
		}
	}

	private static String reopen(String port) {
		BundleContext context = FrameworkUtil.getBundle(ChangeWifiScenarioTest.class).getBundleContext();
		ISerialPortService ports = context.getService(context.getServiceReference(ISerialPortService.class));
		try (IByteChannel channel = ports.open(port, 115200)) {
			return "opened";
		} catch (OnrampException e) {
			return e.reason() + ": " + e.getMessage();
		}
	}

	private <T extends AutoCloseable> T keep(T closeable) {
		started.add(closeable);
		return closeable;
	}
}
