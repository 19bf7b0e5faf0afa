/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.IMenuService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.DeviceState;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.OnrampException;
import dev.onramp.core.identify.IDeviceIdentifier;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.simulator.ui.internal.SimulatedDevices;
import dev.onramp.simulator.ui.internal.SimulatorJob;
import dev.onramp.ui.tests.driver.SwtDriver;
import dev.onramp.ui.tests.driver.UiWatchdog;

/**
 * "Start a Simulated Device..." and "Stop Simulated Devices" in the Device Explorer's view menu: the boards they start
 * answer on 127.0.0.1, the registry (and with it the Device Explorer) lists them, and Stop frees their ports.
 */
class StartSimulatedDeviceTest {

	private static final String VIEW_MENU = "menu:dev.onramp.ui.views.deviceExplorer";
	private static final String START = "dev.onramp.ui.commands.startSimulatedDevice";
	private static final String STOP = "dev.onramp.ui.commands.stopSimulatedDevices";
	private static final String START_ITEM = "dev.onramp.simulator.ui.menus.startSimulatedDevice";
	private static final String STOP_ITEM = "dev.onramp.simulator.ui.menus.stopSimulatedDevices";
	private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);

	private static IDeviceRegistry registry;
	private static IDeviceIdentifier identifier;

	private SwtDriver driver;
	private IWorkbenchWindow window;

	/** Gets the services off the UI thread, before any watchdog: the registry's first use starts mDNS. */
	@BeforeAll
	static void services() {
		SwtDriver driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		registry = offUiThread(driver, "the device registry", () -> service(IDeviceRegistry.class));
		identifier = offUiThread(driver, "the device identifier", () -> service(IDeviceIdentifier.class));
	}

	/** Gives the services back, so the tests after these find the runtime as it was (no registry, no mDNS). */
	@AfterAll
	static void releaseServices() {
		BundleContext context = FrameworkUtil.getBundle(StartSimulatedDeviceTest.class).getBundleContext();
		for (Class<?> type : List.of(IDeviceRegistry.class, IDeviceIdentifier.class)) {
			context.ungetService(context.getServiceReference(type));
		}
		registry = null;
		identifier = null;
	}

	@BeforeEach
	void workbench() {
		driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		warmUpDialogs();
	}

	@AfterEach
	void stopEverything() {
		SimulatedDevices devices = PlatformUI.getWorkbench().getService(SimulatedDevices.class);
		if (devices != null) {
			offUiThread(driver, "the simulated devices to stop", devices::stopAll);
		}
		driver.waitUntil("the simulator's Jobs to end", () -> Job.getJobManager().find(SimulatorJob.FAMILY).length == 0);
		for (Shell shell : driver.display().getShells()) {
			if (shell != window.getShell() && !shell.isDisposed() && shell.isVisible()) {
				shell.close();
			}
		}
		driver.flushEvents();
	}

	@Test
	void theViewMenuOffersStartAndStopWhichIsEnabledOnlyWhileABoardRuns() throws NotDefinedException {
		IContributionItem start = viewMenuItem(START_ITEM);
		viewMenuItem(STOP_ITEM);
		Command startCommand = command(START);
		assertEquals("Start a Simulated Device...", startCommand.getName());
		assertEquals("Stop Simulated Devices", command(STOP).getName());
		assertTrue(start.isEnabled(), "a board can always be started");
		driver.waitUntil("Stop to be disabled while no board runs", () -> !command(STOP).isEnabled());
		assertTrue(command(START).isEnabled(), "a board can always be started");
	}

	@Test
	void startsAnEspIdfBoardWithItsDemoProofOfPossessionAndStopFreesItsPort() throws Exception {
		String endpoint;
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			assertTrue(viewMenuItem(START_ITEM).isEnabled(), "the view menu offers it");
			execute(START);
			Shell dialog = shell("Start a Simulated Device");
			choose("ESP-IDF provisioning (security 2)");
			Text pop = driver.textAfterLabel("Proof of possession (ESP-IDF only):");
			assertTrue(pop.isEnabled(), "the demo PoP belongs to the ESP-IDF board");
			assertTrue(pop.getText().length() >= 8, "the PoP is shown: " + pop.getText());
			assertTrue(driver.label("Made up for this simulated board").isVisible(), "the demo values are labelled");
			assertEquals("OnrampDemo", driver.textAfterLabel("Wi-Fi network in its range:").getText());
			driver.flushEvents();
			driver.screenshot(dialog, screenshots("start-simulated-device.png"));
			press("Start");

			Device device = awaitDevice("Simulated ESP-IDF provisioning (security 2)");
			assertEquals(DeviceKind.ESP_IDF_PROVISIONING, device.kind());
			endpoint = device.endpoint(EndpointKind.PROVISIONING_HTTP).orElseThrow().address();
			assertTrue(endpoint.startsWith("127.0.0.1:"), "on loopback only: " + endpoint);

			String version = offUiThread(driver, "proto-ver", () -> protoVersion(endpoint));
			assertTrue(version.contains("\"sec_ver\":2"), () -> "a security 2 device answers proto-ver: " + version);

			driver.waitUntil("Stop to be enabled", () -> command(STOP).isEnabled());
			execute(STOP);
			awaitJobs();
			driver.waitUntil("Stop to be disabled again", () -> !command(STOP).isEnabled());
			watchdog.assertResponsive();
		}
		assertEquals("refused", offUiThread(driver, "a connection to the stopped board", () -> connect(endpoint)),
				"the port is free once the board stopped");
		assertTrue(listed("Simulated ESP-IDF provisioning (security 2)").isEmpty(),
				"the stopped board is no longer listed");
	}

	@Test
	void startsPyDirectAndImprovBoardsThatAnswerOnTheirSerialLines() throws Exception {
		String pyDirect;
		String improv;
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			execute(START);
			shell("Start a Simulated Device");
			assertTrue(driver.button("pyDirect (MicroPython)").getSelection(), "pyDirect is the first choice");
			assertFalse(driver.textAfterLabel("Proof of possession (ESP-IDF only):").isEnabled());
			press("Start");
			Device board = awaitDevice("Simulated pyDirect (MicroPython)");
			assertEquals(DeviceKind.PYDIRECT, board.kind());
			assertTrue(board.hostname().orElseThrow().toLowerCase().startsWith("pydirect-"), board.toString());
			pyDirect = board.endpoint(EndpointKind.SERIAL).orElseThrow().address();
			assertTrue(pyDirect.startsWith("rfc2217://127.0.0.1:"), pyDirect);

			execute(START);
			shell("Start a Simulated Device");
			choose("Improv Wi-Fi");
			assertTrue(driver.label("Improv serial").isVisible(), "the chosen board's description shows");
			press("Start");
			Device improvBoard = awaitDevice("Simulated Improv Wi-Fi");
			assertEquals(DeviceKind.IMPROV, improvBoard.kind());
			improv = improvBoard.endpoint(EndpointKind.SERIAL).orElseThrow().address();
			assertTrue(improv.startsWith("socket://127.0.0.1:"), improv);

			// the identifier, as the Device Explorer uses it, finds what each board runs on its line
			assertEquals("PYDIRECT", offUiThread(driver, "pyDirect to be identified", () -> identify(pyDirect)));
			assertEquals("IMPROV", offUiThread(driver, "Improv to be identified", () -> identify(improv)));

			driver.waitUntil("Stop to be enabled", () -> command(STOP).isEnabled());
			execute(STOP);
			awaitJobs();
			watchdog.assertResponsive();
		}
		assertEquals("refused", offUiThread(driver, "pyDirect's port", () -> connect(authority(pyDirect))));
		assertEquals("refused", offUiThread(driver, "Improv's port", () -> connect(authority(improv))));
	}

	/** Opens and closes a titled dialog once, before any watchdog: the first dialog of a run loads classes. */
	private static boolean warm;

	private void warmUpDialogs() {
		if (warm) {
			return;
		}
		warm = true;
		TitleAreaDialog dialog = new TitleAreaDialog(window.getShell());
		dialog.setBlockOnOpen(false);
		dialog.open();
		driver.flushEvents();
		dialog.close();
		driver.flushEvents();
	}

	/**
	 * @return the Device Explorer's view menu item with this contribution id, as the menu service contributes it (the
	 *         workbench renders it with its own item class, so it is found by id)
	 */
	private IContributionItem viewMenuItem(String itemId) {
		MenuManager menu = new MenuManager();
		IMenuService menus = window.getService(IMenuService.class);
		menus.populateContributionManager(menu, VIEW_MENU);
		try {
			menu.update(true);
			List<IContributionItem> items = Arrays.asList(menu.getItems());
			return items.stream().filter(i -> itemId.equals(i.getId())).findFirst()
					.orElseThrow(() -> new AssertionError("the Device Explorer's view menu has no " + itemId + ": "
							+ items.stream().map(IContributionItem::getId).toList()));
		} finally {
			menus.releaseContributions(menu);
		}
	}

	private Command command(String id) {
		return window.getService(ICommandService.class).getCommand(id);
	}

	/** Runs the command as a click on its menu item would: it returns at once, a dialog stays open. */
	private void execute(String commandId) throws CommandException {
		window.getService(IHandlerService.class).executeCommand(commandId, null);
		driver.flushEvents();
	}

	private Shell shell(String title) {
		return driver.find(Shell.class, "a window '" + title + "'", s -> title.equals(s.getText()));
	}

	private void choose(String radioText) {
		Button radio = driver.button(radioText);
		if (!radio.getSelection()) {
			driver.click(radio);
		}
	}

	private void press(String text) {
		driver.click(driver.button(text));
	}

	private void awaitJobs() {
		driver.waitUntil("the simulator's Jobs to end", () -> Job.getJobManager().find(SimulatorJob.FAMILY).length == 0);
	}

	private Device awaitDevice(String name) {
		awaitJobs();
		driver.waitUntil("the registry to list " + name,
				() -> listed(name).filter(d -> d.state() != DeviceState.OFFLINE).isPresent());
		return listed(name).orElseThrow();
	}

	private static Optional<Device> listed(String name) {
		return registry.devices().stream().filter(d -> d.name().filter(name::equals).isPresent()).findFirst();
	}

	private static Path screenshots(String file) {
		return Path.of(System.getProperty("onramp.screenshots", "target/screenshots"), file);
	}

	private static <T> T offUiThread(SwtDriver driver, String what, Supplier<T> work) {
		CompletableFuture<T> result = CompletableFuture.supplyAsync(work);
		driver.waitUntil(what, result::isDone, SERVICE_TIMEOUT);
		return result.join();
	}

	private static <T> T service(Class<T> type) {
		BundleContext context = FrameworkUtil.getBundle(StartSimulatedDeviceTest.class).getBundleContext();
		return context.getService(context.getServiceReference(type));
	}

	private static String identify(String port) {
		try {
			return identifier.identify(port, new NullProgressMonitor()).kind().name();
		} catch (OnrampException e) {
			return e.reason() + ": " + e.getMessage();
		}
	}

	/** @return the {@code proto-ver} answer of the protocomm endpoint at {@code HOST:PORT}, over plain HTTP */
	private static String protoVersion(String endpoint) {
		String[] hostPort = endpoint.split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5000);
			socket.setSoTimeout(5000);
			byte[] body = "---".getBytes(StandardCharsets.US_ASCII);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /proto-ver HTTP/1.1\r\nHost: " + endpoint
					+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return body(socket.getInputStream());
		} catch (IOException e) {
			return "failed: " + e;
		}
	}

	/** @return the body of an HTTP response, by its {@code Content-Length} (the device may keep the connection) */
	private static String body(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				return "no response: " + head;
			}
			head.append((char) c);
		}
		int length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
				.map(l -> Integer.valueOf(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0).intValue();
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	/** @return {@code HOST:PORT} of a {@code socket://} or {@code rfc2217://} address */
	private static String authority(String address) {
		return URI.create(address).getAuthority();
	}

	private static String connect(String hostPort) {
		String[] parts = hostPort.split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 2000);
			return "connected";
		} catch (ConnectException e) {
			return "refused";
		} catch (IOException e) {
			return "failed: " + e;
		}
	}
}
