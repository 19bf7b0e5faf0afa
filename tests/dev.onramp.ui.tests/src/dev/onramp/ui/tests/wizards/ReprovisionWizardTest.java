/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IToc;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.MacAddress;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;
import dev.onramp.ui.internal.console.IDeviceConsoles;
import dev.onramp.ui.internal.wizards.reprovision.IUrlOpener;
import dev.onramp.ui.internal.wizards.reprovision.ReprovisionWizard;
import dev.onramp.ui.tests.driver.SwtDriver;
import dev.onramp.ui.tests.driver.UiWatchdog;
import dev.onramp.ui.tests.scenarios.DeviceSelectionView;
import dev.onramp.ui.tests.scenarios.ScenarioTestSupport;

/**
 * The Re-provision wizard end to end against a simulated pyDirect board behind an RFC 2217 bridge (it carries the
 * reset line pyDirect needs): real key events, the summary before anything is written, Finish re-provisions, the
 * security-warning dialog in its CA and self-signed variants hands exactly the reported URL to the browser, and the
 * Help table of contents and contexts are registered.
 */
class ReprovisionWizardTest {

	private static final String HELP_DATA = "org.eclipse.ui.help";
	private static final List<String> OPENED = new CopyOnWriteArrayList<>();
	private static ServiceRegistration<IUrlOpener> openerRegistration;
	/** The wizard's console lines, recorded instead of shown (the Console view's own cost is not the wizard's). */
	private static final List<String> CONSOLE = new CopyOnWriteArrayList<>();
	private static ServiceRegistration<IDeviceConsoles> consolesRegistration;
	private static boolean warm;

	private SwtDriver driver;
	private IWorkbenchPage page;
	private DeviceSelectionView view;
	private SimulatedMicroPythonDevice device;
	private Rfc2217SimulatorServer server;

	@BeforeAll
	static void recordUrls() {
		BundleContext context = FrameworkUtil.getBundle(ReprovisionWizardTest.class).getBundleContext();
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(Constants.SERVICE_RANKING, Integer.valueOf(1000));
		openerRegistration = context.registerService(IUrlOpener.class, OPENED::add, properties);
		consolesRegistration = context.registerService(IDeviceConsoles.class, new IDeviceConsoles() {
			@Override
			public IDeviceConsole console(String deviceKey, String title) {
				return new IDeviceConsole() {
					@Override
					public void step(String text) {
						CONSOLE.add(deviceKey + " step: " + text);
					}

					@Override
					public void serial(String line) {
						CONSOLE.add(deviceKey + " serial: " + line);
					}

					@Override
					public void error(String text) {
						CONSOLE.add(deviceKey + " error: " + text);
					}

					@Override
					public void reveal() {
						// nothing to show
					}
				};
			}

			@Override
			public void maskSecret(String secretValue) {
				// the re-provisioning has no secret the user types
			}
		}, properties);
	}

	@AfterAll
	static void stopRecording() {
		openerRegistration.unregister();
		consolesRegistration.unregister();
	}

	@BeforeEach
	void openView() throws Exception {
		driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		view = (DeviceSelectionView) page.showView(DeviceSelectionView.ID);
		page.activate(view);
		OPENED.clear();
		CONSOLE.clear();
		warmUp();
	}

	/** The first wizard of a run loads classes and asks X about monitors once: not the wizard's own work. */
	private void warmUp() {
		if (warm) {
			return;
		}
		warm = true;
		Shell parent = page.getWorkbenchWindow().getShell();
		// the wizard itself on a board that is not there: its pages are built without I/O
		WizardDialog wizard = new WizardDialog(parent, new ReprovisionWizard(Device.builder(DeviceKind.PYDIRECT)
				.name("warm-up").endpoint(EndpointKind.SERIAL, "rfc2217://127.0.0.1:9").build()));
		wizard.setBlockOnOpen(false);
		wizard.open();
		TitleAreaDialog titled = new TitleAreaDialog(parent);
		titled.setBlockOnOpen(false);
		titled.open();
		driver.flushEvents();
		titled.close();
		wizard.close();
		driver.flushEvents();
	}

	@AfterEach
	void closeEverything() throws Exception {
		ScenarioTestSupport.endDeviceWork(driver, page);
		if (server != null) {
			server.close();
		}
		if (device != null) {
			device.close();
		}
	}

	private Device plugIn(int octet) throws Exception {
		SimulatedNetwork network = SimulatedNetwork.isolated().joinedTo("onramp-lab", "lab-password-1")
				.withMdns(false);
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults()
				.withMac(MacAddress.parse(String.format("24:0a:c4:7e:%02x:%02x", octet, octet)))
				.withNetwork(network);
		device = SimulatedMicroPythonDevice.withTemporaryFlash(options);
		server = new Rfc2217SimulatorServer(device);
		return Device.builder(DeviceKind.PYDIRECT).name("pyDirect board").endpoint(EndpointKind.SERIAL, server.uri())
				.build();
	}

	@Test
	void withTheLocalCaTheBoardIsReprovisionedAndConnectOpensTheReportedPage() throws Exception {
		Device board = plugIn(11);
		String name = device.hostname() + "-lab";
		int resetsBefore; // identifying the board opens its line, which resets it as a USB-UART bridge does
		select(board);
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			Shell wizard = openWizard(board);
			// page 1: trust, with the CA's state looked up in the background
			driver.waitUntil("the CA's state", () -> driver.findAll(Label.class, l -> l.getShell() == wizard
					&& (l.getText().contains("local certificate authority exists")
							|| l.getText().contains("no local certificate authority yet"))).size() == 1);
			assertTrue(driver.button("Signed by the local certificate authority").getSelection(), "the CA by default");
			assertEquals("dev.onramp.ui.reprovision_wizard", helpOfPage(wizard), "the page's help context");
			driver.screenshot(wizard, screenshots().resolve("wizard-reprovision-1.png"));
			driver.click(driver.button("Next >"));

			// page 2: the host name read from the board, then edited with real keys
			Text hostname = driver.textAfterLabel("Host name:");
			driver.waitUntil("the host name read from the board", () -> hostname.getText().equals(device.hostname()),
					Duration.ofSeconds(20));
			hostname.setFocus();
			hostname.setSelection(hostname.getText().length()); // the caret at the end, as a click after the name
			driver.type(hostname, "-lab");
			Text port = driver.textAfterLabel("HTTPS port:");
			driver.type(port, "x");
			assertFalse(driver.button("Next >").isEnabled(), "a port that is no number stops the wizard");
			port.setText("");
			driver.type(port, Integer.toString(device.httpsPort()));
			assertTrue(driver.button("Next >").isEnabled());
			driver.screenshot(wizard, screenshots().resolve("wizard-reprovision-2.png"));
			driver.click(driver.button("Next >"));

			// page 3: the certificate before anything is written
			String summary = labels(wizard);
			assertTrue(summary.contains("CN=" + name + ".local"), summary);
			assertTrue(summary.contains("DNS:" + name + ".local"), summary);
			assertTrue(summary.contains("The local certificate authority"), summary);
			assertTrue(summary.contains("397 days"), summary);
			assertTrue(summary.contains("EC P-256"), summary);
			assertFalse(Files.exists(device.flash().resolve("certs/servercert.pem")), "nothing written before Finish");
			resetsBefore = device.hardResets();
			assertTrue(summary.contains("Check over TLS"), summary);
			assertTrue(driver.button("Finish").isEnabled(), "Finish on the summary");
			assertFalse(driver.button("Next >").isEnabled(), "the summary is the last page");
			driver.screenshot(wizard, screenshots().resolve("wizard-reprovision-3.png"));
			driver.click(driver.button("Finish"));

			Shell dialog = dialog(name);
			String text = labels(dialog);
			assertTrue(text.contains("found at 127.0.0.1"), text);
			assertTrue(text.contains("no warning"), text);
			assertFalse(text.contains("Your connection is not private"), "no self-signed warning for the CA: " + text);
			assertTrue(driver.findAll(Link.class, l -> l.getShell() == dialog
					&& l.getText().contains("rust")).size() == 1, "a link to trust the CA");
			String expected = "https://" + name + ".local:" + device.httpsPort() + "/setup";
			List<String> links = driver.findAll(Link.class, l -> l.getShell() == dialog).stream().map(Link::getText)
					.toList();
			assertTrue(links.stream().anyMatch(l -> l.contains("<a>https://127.0.0.1:" + device.httpsPort() + "/setup</a>")),
					() -> "the IP address as a fallback: " + links);
			driver.screenshot(dialog, screenshots().resolve("security-warning-ca.png"));
			assertTrue(driver.button("Connect to " + name + ".local").isEnabled());
			driver.click(driver.button("Connect to " + name + ".local"));
			assertEquals(List.of(expected), OPENED, "exactly the page the re-provision reported");
			watchdog.assertResponsive();
		}
		assertEquals(resetsBefore + 1, device.hardResets(), "Finish reset the board once");
		assertTrue(CONSOLE.stream().anyMatch(l -> l.equals(server.uri() + " step: Installing the certificate and key")),
				() -> "the steps in the board's console: " + CONSOLE);
		assertEquals(Boolean.TRUE, device.settings().get("server.https_enabled"));
		assertTrue(Files.readString(device.flash().resolve("certs/servercert.pem")).contains("BEGIN CERTIFICATE"));
	}

	@Test
	void selfSignedShowsTheBrowsersWarning() throws Exception {
		Device board = plugIn(12);
		String name = device.hostname();
		select(board);
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			Shell wizard = openWizard(board);
			Button selfSigned = driver.button("Self-signed, like the pyDirect installer");
			driver.click(selfSigned);
			driver.click(driver.button("Next >"));
			Text hostname = driver.textAfterLabel("Host name:");
			driver.waitUntil("the host name read from the board", () -> hostname.getText().equals(name),
					Duration.ofSeconds(20));
			driver.type(driver.textAfterLabel("HTTPS port:"), Integer.toString(device.httpsPort()));
			driver.click(driver.button("Next >"));
			String summary = labels(wizard);
			assertTrue(summary.contains("self-signed"), summary);
			assertTrue(summary.contains("RSA 2048"), "the pyDirect installer's key: " + summary);
			assertTrue(summary.contains("3650 days"), summary);
			driver.click(driver.button("Finish"));

			Shell dialog = dialog(name);
			String text = labels(dialog);
			assertTrue(text.contains("Your connection is not private"), text);
			assertTrue(text.contains("Warning: Potential Security Risk Ahead"), text);
			assertTrue(text.contains("Advanced"), text);
			assertTrue(text.contains("found at 127.0.0.1"), text);
			driver.screenshot(dialog, screenshots().resolve("security-warning-self-signed.png"));
			driver.click(driver.button("Connect to " + name + ".local"));
			assertEquals(List.of("https://" + name + ".local:" + device.httpsPort() + "/setup"), OPENED);
			watchdog.assertResponsive();
		}
	}

	@Test
	void aBoardThatIsNotThereIsSaidSoAndTheWizardStaysOpen() throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		Device gone = Device.builder(DeviceKind.PYDIRECT).name("unplugged board")
				.endpoint(EndpointKind.SERIAL, "rfc2217://127.0.0.1:" + closed).build();
		select(gone);
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			Shell wizard = openWizard(gone);
			driver.click(driver.button("Next >"));
			driver.waitUntil("the board's silence on page 2",
					() -> texts(wizard).contains("The host name could not be read from the board"));
			assertFalse(driver.button("Next >").isEnabled(), "no host name yet");
			driver.type(driver.textAfterLabel("Host name:"), "lab-sensor");
			driver.click(driver.button("Next >"));
			assertTrue(labels(wizard).contains("CN=lab-sensor.local"));
			assertFalse(texts(wizard).contains("Nothing accepts connections"), "the summary does not repeat page 2");
			driver.click(driver.button("Finish"));
			driver.waitUntil("the failure on the summary", () -> texts(wizard).contains("Nothing accepts connections"));
			assertFalse(wizard.isDisposed(), "the wizard stays open to try again");
			String text = texts(wizard);
			assertTrue(text.contains("127.0.0.1:" + closed), () -> "the service says which port: " + text);
			assertTrue(CONSOLE.stream().anyMatch(l -> l.startsWith("rfc2217://127.0.0.1:" + closed + " error: ")),
					() -> "the failure in the board's console: " + CONSOLE);
			assertFalse(text.contains("--"), () -> "no command-line flags: " + text);
			assertTrue(driver.findAll(Shell.class, s -> s.isVisible() && s.getText().endsWith(".local is ready"))
					.isEmpty(), "no Connect dialog after a failure");
			watchdog.assertResponsive();
		}
	}

	@Test
	void theHelpBookAndContextsAreRegistered() {
		IToc onramp = null;
		for (IToc toc : HelpSystem.getTocs()) {
			if ("Onramp".equals(toc.getLabel())) {
				onramp = toc;
			}
		}
		assertNotNull(onramp, "the Onramp book is in the Help contents");
		List<String> topics = java.util.Arrays.stream(onramp.getTopics()).map(t -> t.getLabel()).toList();
		assertEquals(List.of("Change Wi-Fi", "Provision with proof of possession", "Re-provision and connect",
				"Troubleshooting"), topics);
		assertEquals(4, onramp.getTopics()[3].getSubtopics().length, "four troubleshooting topics");
		for (String id : List.of("reprovision_wizard", "security_warning", "change_wifi_wizard", "provision_wizard")) {
			IContext context = HelpSystem.getContext("dev.onramp.ui." + id);
			assertNotNull(context, id);
			assertTrue(context.getRelatedTopics().length > 0, id);
			assertTrue(context.getRelatedTopics()[0].getHref().contains("/help/"), id);
		}
	}

	/**
	 * Selects the board, before a watchdog starts: activating the workbench window again after the previous test's
	 * dialogs recomputes the key bindings and menus, the workbench's cost and not the wizard's.
	 */
	private void select(Device board) {
		page.activate(view);
		view.selectionProvider().setSelection(new StructuredSelection(board));
		driver.flushEvents();
	}

	private Shell openWizard(Device board) throws Exception {
		assertEquals(board, view.selectionProvider().getSelection() instanceof StructuredSelection selection
				? selection.getFirstElement() : null, "the board is selected");
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class)
				.executeCommand("dev.onramp.ui.commands.reprovision", null);
		driver.flushEvents();
		return driver.find(Shell.class, "the Re-provision wizard",
				s -> s.isVisible() && s.getText().startsWith("Re-provision"));
	}

	private Shell dialog(String name) {
		return driver.find(Shell.class, "the security-warning dialog", s -> s.isVisible()
				&& s.getText().equals(name + ".local is ready"));
	}

	private String labels(Shell shell) {
		driver.flushEvents();
		return String.join("\n", driver.findAll(Label.class, l -> l.getShell() == shell && l.isVisible())
				.stream().map(Label::getText).toList());
	}

	/** @return every label's and text field's text in the shell (the title area's message is a text field) */
	private String texts(Shell shell) {
		List<String> all = new java.util.ArrayList<>();
		driver.findAll(Label.class, l -> l.getShell() == shell && l.isVisible()).forEach(l -> all.add(l.getText()));
		driver.findAll(Text.class, t -> t.getShell() == shell && t.isVisible()).forEach(t -> all.add(t.getText()));
		return String.join("\n", all);
	}

	private String helpOfPage(Shell shell) {
		List<Control> helped = driver.findAll(Control.class, c -> c.getShell() == shell && c.isVisible()
				&& c.getData(HELP_DATA) != null);
		return helped.isEmpty() ? null : String.valueOf(helped.get(0).getData(HELP_DATA));
	}

	private static Path screenshots() {
		return Path.of(System.getProperty("onramp.screenshots", "target/screenshots"));
	}
}
