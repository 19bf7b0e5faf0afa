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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.wizard.ProgressMonitorPart;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
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
import dev.onramp.ui.tests.driver.UiWatchdog;

/** Connect Device, then the Change Wi-Fi wizard, against simulated boards on real pseudo-terminals. */
class ChangeWifiScenarioTest extends ScenarioTestSupport {

	private static final String SSID = "OnrampLab";
	private static final String PASSWORD = "correcthorse7";
	private static final String WRONG = "wronghorse8";

	private Path temporary;
	private final List<AutoCloseable> started = new ArrayList<>();

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
	void changeWifiWizardOverImprovPicksAScannedNetworkRetriesAWrongPasswordAndShowsTheAddress() throws Exception {
		ImprovSimulatorServer improv = keep(new ImprovSimulatorServer(Map.of(SSID, PASSWORD), List.of("Neighbour")));
		PseudoTerminal pty = keep(PseudoTerminal.plugIn(driver, temporary, "ttyUSB0", improv.port()));
		Device board = Device.builder(DeviceKind.IMPROV).name("Improv board").endpoint(EndpointKind.SERIAL, pty.port())
				.build();

		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			select(board);
			execute("dev.onramp.ui.commands.connectDevice");
			Shell chooser = shell("Connect Device");
			assertTrue(driver.findAll(Button.class, b -> b.getShell() == chooser
					&& b.getText().startsWith("Re-provision")).isEmpty(), "an Improv board cannot be re-provisioned");
			driver.label("through Improv serial or the MicroPython REPL");
			driver.screenshot(chooser, screenshots().resolve("connect-device.png"));
			choose("Change Wi-Fi");
			press("Continue");

			// page 1: the protocol, asked of the board once the wizard shows
			Shell wizard = shell("Change Wi-Fi");
			driver.waitUntil("the protocol to be detected", () -> driver.findAll(
					org.eclipse.swt.widgets.Label.class, l -> "Improv serial".equals(l.getText())).size() == 1);
			assertTrue(driver.button("Next >").isEnabled(), "the board answered: on to the networks");
			assertFalse(driver.button("Finish").isEnabled(), "no network chosen yet");
			driver.screenshot(wizard, screenshots().resolve("wizard-change-wifi-1.png"));
			press("Next >");

			// page 2: the board's own scan
			Table table = driver.find(Table.class, "the scan table", t -> t.getShell() == wizard);
			driver.waitUntil("the board's scan", () -> rows(table).contains(SSID));
			List<String> rows = rows(table);
			assertTrue(rows.contains("Neighbour"), () -> "every network the board sees: " + rows);
			assertEquals("Other network\u2026", rows.get(rows.size() - 1), "a hidden network can be named");
			assertTrue(table.getItem(0).getText(1).startsWith("\u2582"), "signal bars");
			driver.label("2.4 GHz");

			// Rescan asks the board again (a button that did nothing would leave the same rows behind)
			int scans = improv.scans();
			driver.click(driver.button("Rescan"));
			driver.waitUntil("the board to scan again", () -> improv.scans() == scans + 1);
			driver.waitUntil("the new scan's rows", () -> rows(table).contains(SSID));
			assertEquals(rows, rows(table), "the same networks, listed again");
			driver.select(table, SSID);
			assertEquals(SSID, driver.textAfterLabel("Network name:").getText());
			driver.type(driver.textAfterLabel("Password:"), WRONG);
			assertTrue(driver.button("Finish").isEnabled());
			driver.screenshot(wizard, screenshots().resolve("wizard-change-wifi-2.png"));
			press("Finish");

			// a wrong password is said on the page, which stays for the corrected one
			driver.label("password was most likely rejected");
			driver.label("Check the password");
			assertFalse(wizard.isDisposed(), "the wizard stays open");
			driver.screenshot(wizard, screenshots().resolve("wizard-change-wifi-3.png"));
			assertEquals("", driver.textAfterLabel("Password:").getText(), "the rejected password is cleared");
			driver.type(driver.textAfterLabel("Password:"), PASSWORD);
			press("Finish");

			// the result page
			driver.waitUntil("the result page", () -> valueAfter("IP address:").contains("192.168.1.61"));
			assertEquals(SSID, valueAfter("Network:"));
			assertFalse(driver.button("< Back").isEnabled(), "the board's settings changed: no way back");
			driver.screenshot(wizard, screenshots().resolve("wizard-change-wifi-4.png"));
			press("Finish");
			driver.waitUntil("the wizard to close", wizard::isDisposed);
			watchdog.assertResponsive();
		}
		assertEquals(SSID, improv.lastReceivedSsid(), "the board got the network");
		assertTrue(CONSOLES.contains(pty.port() + " step: "), () -> "steps in the console: " + CONSOLES.lines());
		assertFalse(CONSOLES.contains(PASSWORD) || CONSOLES.contains(WRONG), "no password in the console");
		assertTrue(CONSOLES.masks(PASSWORD) && CONSOLES.masks(WRONG), "the consoles are told to mask the passwords");
	}

	@Test
	void cancelWhileTheBoardJoinsEndsTheWorkAndLeavesThePortFree() throws Exception {
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
			Shell wizard = shell("Change Wi-Fi");
			driver.waitUntil("the protocol to be detected", () -> driver.button("Next >").isEnabled(),
					Duration.ofSeconds(30));
			press("Next >");
			Table table = driver.find(Table.class, "the scan table", t -> t.getShell() == wizard);
			driver.waitUntil("the scan", () -> rows(table).contains("Other network\u2026"), Duration.ofSeconds(30));
			driver.select(table, "Other network\u2026");
			driver.type(driver.textAfterLabel("Network name:"), SSID);
			driver.type(driver.textAfterLabel("Password:"), PASSWORD);

			// Finish runs in the wizard's modal progress: its stop button is pressed from the event loop it spins
			long[] cancelled = new long[1];
			StringBuilder state = new StringBuilder();
			CompletableFuture<Boolean> canceller = CompletableFuture.supplyAsync(() -> {
				boolean asked;
				try {
					asked = CONSOLES.awaitContains("Connecting to \"" + SSID, Duration.ofSeconds(30));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					asked = false;
				}
				driver.display().asyncExec(() -> {
					cancelled[0] = System.nanoTime();
					// the wizard's progress part has the stop button users press while the work runs
					ToolItem stop = driver.find(ToolItem.class, "the progress part's stop button",
							i -> i.getParent().getParent() instanceof ProgressMonitorPart && i.isEnabled());
					driver.click(stop);
					driver.findAll(ProgressMonitorPart.class, p -> true)
							.forEach(p -> state.append("progress cancelled=").append(p.isCanceled()));
				});
				return asked;
			});
			press("Finish");
			assertTrue(canceller.get() && cancelled[0] != 0, "cancelled while the board joined");
			Duration took = Duration.ofNanos(System.nanoTime() - cancelled[0]);
			assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0,
					() -> "the work ends soon after Cancel: " + took + " " + state + " " + CONSOLES.lines());
			assertFalse(wizard.isDisposed(), "the wizard stays, for another try");
			driver.waitUntil("the board's Jobs to end",
					() -> org.eclipse.core.runtime.jobs.Job.getJobManager()
							.find(dev.onramp.ui.internal.jobs.DeviceRule.FAMILY).length == 0);

			// the port is free: it opens again (off the UI thread, as any port work)
			CompletableFuture<String> reopened = CompletableFuture.supplyAsync(() -> reopen(pty.port()));
			driver.waitUntil("the port to open again", reopened::isDone, Duration.ofSeconds(10));
			assertEquals("opened", reopened.get());
			press("Cancel");
			driver.waitUntil("the wizard to close", wizard::isDisposed);
			watchdog.assertResponsive();
		}
	}

	static List<String> rows(Table table) {
		return Arrays.stream(table.getItems()).map((TableItem item) -> item.getText(0)).toList();
	}

	/** @return the text of the label that follows the label with this text */
	String valueAfter(String labelText) {
		org.eclipse.swt.widgets.Label label = driver.find(org.eclipse.swt.widgets.Label.class,
				"a label '" + labelText + "'", l -> labelText.equals(l.getText()));
		org.eclipse.swt.widgets.Control[] siblings = label.getParent().getChildren();
		for (int i = 0; i < siblings.length - 1; i++) {
			if (siblings[i] == label && siblings[i + 1] instanceof org.eclipse.swt.widgets.Label value) {
				return value.getText();
			}
		}
		throw new AssertionError("No value after the label '" + labelText + "'");
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
