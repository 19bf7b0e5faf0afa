/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.IConsoleView;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.OnrampException;
import dev.onramp.core.serial.IByteChannel;
import dev.onramp.core.serial.ISerialPortService;
import dev.onramp.ui.internal.console.DeviceConsole;
import dev.onramp.ui.internal.console.DeviceConsoles;
import dev.onramp.ui.internal.console.IDeviceConsoles;
import dev.onramp.ui.internal.console.IDeviceConsoles.IDeviceConsole;
import dev.onramp.ui.internal.console.SecretMasker;
import dev.onramp.ui.internal.console.SerialMonitor;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.tests.driver.SwtDriver;
import dev.onramp.ui.tests.driver.UiWatchdog;

/** Device consoles in the real workbench: Open Console, the serial monitor on a real pseudo-terminal, masking. */
class DeviceConsoleTest {

	private static final String OPEN_CONSOLE = "dev.onramp.ui.commands.openConsole";

	@TempDir
	Path directory;

	private SwtDriver driver;
	private IWorkbenchPage page;
	private DeviceConsoles consoles;
	private ISerialPortService serialPorts;
	private final List<DeviceConsole> opened = new ArrayList<>();
	private ScheduledExecutorService board;

	@BeforeEach
	void services() {
		driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		consoles = PlatformUI.getWorkbench().getService(DeviceConsoles.class);
		assertNotNull(consoles, "the device consoles are an OSGi service the workbench finds");
		assertTrue(PlatformUI.getWorkbench().getService(IDeviceConsoles.class) == consoles,
				"others find the same service by its interface");
		serialPorts = PlatformUI.getWorkbench().getService(ISerialPortService.class);
		assertNotNull(serialPorts);
	}

	@AfterEach
	void closeConsoles() {
		if (board != null) {
			board.shutdownNow();
		}
		opened.forEach(consoles::close);
		driver.waitUntil("the monitors to end", () -> Job.getJobManager().find(SerialMonitor.FAMILY).length == 0);
	}

	@Test
	void openConsoleMonitorsThePortAndGivesItUpWhileAScenarioRuns() throws Exception {
		try (PseudoTerminalPair pty = PseudoTerminalPair.start(directory)) {
			String port = pty.port();
			Device device = Device.builder(DeviceKind.PYDIRECT).name("pyDirect").endpoint(EndpointKind.SERIAL, port)
					.build();
			// the workbench lays out and paints a view it shows for the first time for up to a second on a loaded
			// machine: that is the platform's cost, measured by no test here; what the console does is watched below
			openConsole(device);
			DeviceConsole console = consoles.existing(port).orElseThrow();
			opened.add(console);
			driver.waitUntil("the Console view to show the board's console",
					() -> consoleView() != null && consoleView().getConsole() == console);
			driver.flushEvents();
			try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
				monitorAndPause(pty, console, watchdog);
			}
			driver.screenshot(page.getWorkbenchWindow().getShell(), screenshots().resolve("console.png"));
			stopMonitoring(port, console);
		}
	}

	private void monitorAndPause(PseudoTerminalPair pty, DeviceConsole console, UiWatchdog watchdog)
			throws IOException {
		String port = pty.port();
		ToolItem monitor = driver.toolItem("Monitor serial port");
		monitor.setSelection(true);
		driver.click(monitor);
		driver.waitUntil("the monitor to open the port", () -> text(console).contains("monitoring " + port));

		AtomicInteger ticks = new AtomicInteger();
		board = Executors.newSingleThreadScheduledExecutor();
		pty.print("wifi.password = hunter22secret");
		pty.print("{\"ver\":\"v1\",\"name\":\"PROV_e5f6\",\"pop\":\"abcd1234\",\"transport\":\"softap\"}");
		// the firmware's own pace: a line every 100 ms
		board.scheduleAtFixedRate(() -> printQuietly(pty, "tick " + ticks.incrementAndGet()), 0, 100,
				TimeUnit.MILLISECONDS);
		driver.waitUntil("the board's lines in the console", () -> text(console).contains("tick 3"));

		AtomicBoolean scenarioHasPort = new AtomicBoolean();
		AtomicReference<OnrampException> scenarioFailure = new AtomicReference<>();
		CountDownLatch scenarioMayEnd = new CountDownLatch(1);
		Job scenario = Job.create("Change Wi-Fi on pyDirect", jobMonitor -> {
			try (IByteChannel channel = serialPorts.open(port, 115_200)) {
				scenarioHasPort.set(true);
				scenarioMayEnd.await(20, TimeUnit.SECONDS);
			} catch (OnrampException e) {
				scenarioFailure.set(e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return Status.OK_STATUS;
		});
		scenario.setRule(new DeviceRule(port));
		long scheduled = System.nanoTime();
		scenario.schedule();
		driver.waitUntil("the scenario to open the port",
				() -> scenarioHasPort.get() || scenarioFailure.get() != null, Duration.ofSeconds(5));
		assertNull(scenarioFailure.get(), "the monitor gave the port up");
		long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - scheduled);
		assertTrue(waitedMillis < 2000, "the scenario waited " + waitedMillis + " ms for the port");
		driver.waitUntil("the pause to be said",
				() -> text(console).contains("paused while Change Wi-Fi on pyDirect runs"));
		assertTrue(consoles.existing(port).orElseThrow().monitor().orElseThrow().isPaused());

		scenarioMayEnd.countDown();
		driver.waitUntil("the scenario to end", () -> scenario.getState() == Job.NONE);
		driver.waitUntil("the monitor to resume", () -> text(console).contains("resumed monitoring " + port));
		int resumedAt = text(console).indexOf("resumed monitoring");
		int before = ticks.get();
		driver.waitUntil("new lines after the pause",
				() -> text(console).substring(resumedAt).contains("tick " + (before + 2)));

		String shown = text(console);
		assertFalse(shown.contains("hunter22secret"), shown);
		assertFalse(shown.contains("abcd1234"), shown);
		assertTrue(shown.contains("wifi.password = " + SecretMasker.MASK), shown);
		watchdog.assertResponsive();
	}

	private void stopMonitoring(String port, DeviceConsole console) {
		ToolItem monitor = driver.toolItem("Monitor serial port");
		monitor.setSelection(false);
		driver.click(monitor);
		driver.waitUntil("the monitor to stop", () -> text(console).contains("stopped monitoring " + port));
		driver.waitUntil("the monitor's Job to end", () -> Job.getJobManager().find(SerialMonitor.FAMILY).length == 0);
		assertPortFree(port);
	}

	@Test
	void aSecretTypedIntoAScenarioNeverReachesTheConsole() {
		// the scenario's dialog, where the user types the proof of possession; activating a new shell costs the
		// workbench a few hundred milliseconds on a loaded machine, before the watch starts
		InputDialog dialog = new InputDialog(page.getWorkbenchWindow().getShell(), "Provision",
				"Proof of possession:", "", null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Text field = driver.find(Text.class, "the dialog's field",
				t -> t.getShell() == dialog.getShell() && (t.getStyle() & SWT.READ_ONLY) == 0);
		field.setFocus();
		driver.waitUntil("the dialog to be active", () -> driver.display().getActiveShell() == dialog.getShell());
		driver.flushEvents();
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			driver.type(field, "typed-pop-7781");
			driver.click(driver.button("OK"));
			String pop = dialog.getValue();

			IDeviceConsoles service = PlatformUI.getWorkbench().getService(IDeviceConsoles.class);
			Job provision = Job.create("Provision 127.0.0.1:8080", monitor -> {
				service.maskSecret(pop);
				IDeviceConsole console = service.console("127.0.0.1:8080", "ESP-IDF (127.0.0.1:8080)");
				// a careless scenario, and a board that echoes what it was sent
				console.step("Establishing a session with proof of possession " + pop);
				console.serial("I (4211) wifi_prov_mgr: pop=" + pop);
				console.error("The device refused the proof of possession " + pop);
				console.step("Done.");
				return Status.OK_STATUS;
			});
			provision.setRule(new DeviceRule("127.0.0.1:8080"));
			provision.schedule();
			DeviceConsole console = consoles.console("127.0.0.1:8080", "ESP-IDF (127.0.0.1:8080)");
			opened.add(console);
			driver.waitUntil("the scenario's lines in its console", () -> text(console).contains("Done."));

			String shown = text(console);
			assertFalse(shown.contains(pop), shown);
			assertTrue(shown.contains("proof of possession " + SecretMasker.MASK), shown);
			assertTrue(shown.contains("pop=" + SecretMasker.MASK), shown);
			watchdog.assertResponsive();
		}
	}

	@Test
	void openConsoleIsEnabledForBoardsWithASerialPortWhateverTheRowsAre() throws Exception {
		Device network = Device.builder(DeviceKind.NETWORK).hostname("pydirect-e5f6")
				.endpoint(EndpointKind.WEB, "https://pydirect-e5f6.local/").build();
		assertThrows(NotEnabledException.class, () -> openConsole(network));

		Device usb = Device.builder(DeviceKind.MICROPYTHON).endpoint(EndpointKind.SERIAL, "/dev/onramp-test-port")
				.build();
		IAdaptable row = new IAdaptable() {
			@Override
			public <T> T getAdapter(Class<T> adapter) {
				return adapter == Device.class ? adapter.cast(usb) : null;
			}
		};
		openConsole(row);
		DeviceConsole console = consoles.existing("/dev/onramp-test-port").orElseThrow();
		opened.add(console);
		assertTrue(console.monitor().isPresent(), "its console can monitor the port");
		assertFalse(console.monitor().orElseThrow().isMonitoring(), "opening touches no port");
	}

	private void openConsole(Object element) throws Exception {
		IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
		Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(OPEN_CONSOLE);
		IEvaluationContext context = handlers.createContextSnapshot(false);
		context.addVariable(ISources.ACTIVE_CURRENT_SELECTION_NAME, new StructuredSelection(element));
		handlers.executeCommandInContext(new ParameterizedCommand(command, null), null, context);
		driver.flushEvents();
	}

	private IConsoleView consoleView() {
		IViewPart view = page.findView(IConsoleConstants.ID_CONSOLE_VIEW);
		return view instanceof IConsoleView console ? console : null;
	}

	private static String text(DeviceConsole console) {
		return console.getDocument().get();
	}

	private void assertPortFree(String port) {
		AtomicReference<Object> result = new AtomicReference<>();
		Job probe = Job.create("Open " + port, monitor -> {
			try (IByteChannel channel = serialPorts.open(port, 115_200)) {
				result.set(Boolean.TRUE);
			} catch (OnrampException e) {
				result.set(e);
			}
			return Status.OK_STATUS;
		});
		probe.schedule();
		driver.waitUntil("the port to be tried", () -> result.get() != null);
		assertTrue(result.get() == Boolean.TRUE, "the port is free after monitoring stopped: " + result.get());
	}

	private static void printQuietly(PseudoTerminalPair pty, String line) {
		try {
			pty.print(line);
		} catch (IOException e) {
			// the test ended and closed the pseudo-terminals
		}
	}

	private static Path screenshots() {
		return Path.of(System.getProperty("onramp.screenshots", "target/screenshots"));
	}
}
