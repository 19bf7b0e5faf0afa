/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.workbench.IModelResourceHandler;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.MacAddress;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.protocomm.ProtocommDeviceConfig;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.tests.driver.SwtDriver;
import dev.onramp.ui.tests.scenarios.DeviceSelectionView;
import dev.onramp.ui.tests.scenarios.ScenarioTestSupport;

/**
 * The secrets canary in the workbench (issue 15): the Change Wi-Fi wizard (a Wi-Fi password over a pyDirect board's
 * MicroPython REPL), the Re-provision wizard (a private key made for the board and written to it) and the Provision
 * with Proof of Possession wizard (a PoP, remembered, and a Wi-Fi password) run with unique canary values against
 * simulated devices, with the workbench's real device consoles. Then nothing the workbench keeps may hold a canary in
 * any common encoding: the consoles' documents, the platform log (the Error Log's file), every file under the
 * workspace's {@code .metadata} (preferences, dialog settings, the saved workbench model), the configuration area's
 * settings, Onramp's data folder and the secure storage file (where the PoP lives, encrypted).
 */
class SecretsCanaryTest {

	private static final String SSID = "CanaryNet";
	private static final String PROVISION_TITLE = "Provision with Proof of Possession";
	private static final Duration STEP = Duration.ofSeconds(30);

	private final Canaries canaries = new Canaries();
	private final List<AutoCloseable> started = new ArrayList<>();
	private SwtDriver driver;
	private IWorkbenchPage page;
	private DeviceSelectionView view;

	@BeforeEach
	void openView() throws Exception {
		driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		view = (DeviceSelectionView) page.showView(DeviceSelectionView.ID);
		page.activate(view);
	}

	@AfterEach
	void closeEverything() throws Exception {
		ScenarioTestSupport.endDeviceWork(driver, page);
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).close();
		}
	}

	@Test
	void noCanarySecretLeavesTheWizardsForConsolesLogsMetadataOrPreferences() throws Exception {
		String wifiPassword = canaries.secret("Wi-Fi password (REPL)");
		String pop = canaries.secret("proof of possession");
		String provisionPassword = canaries.secret("Wi-Fi password (protocomm)");

		SimulatedMicroPythonDevice board = pyDirectBoard(wifiPassword);
		Rfc2217SimulatorServer bridge = keep(new Rfc2217SimulatorServer(board));
		Device pyDirect = Device.builder(DeviceKind.PYDIRECT).name("pyDirect canary board")
				.endpoint(EndpointKind.SERIAL, bridge.uri()).build();
		changeWifi(pyDirect, wifiPassword);
		assertTrue(board.settings().containsValue(SSID), () -> "the board's settings name the network: "
				+ board.settings().keySet());

		reprovision(pyDirect, board);
		String keyPem = Files.readString(board.flash().resolve("certs/prvtkey.pem"), StandardCharsets.US_ASCII);
		addPrivateKey(keyPem);

		SimulatedProtocommDevice protocomm = keep(SimulatedProtocommDevice.start(ProtocommDeviceConfig.builder()
				.security(2).pop(pop).network(SSID, provisionPassword).extraVisibleNetworks(2).build()));
		provision(protocomm, pop, provisionPassword);
		assertEquals(SSID, protocomm.lastReceivedSsid(), "the device got the network");

		// the search finds what is there: each canary's encodings, inside other text
		for (String kind : List.of("Wi-Fi password (REPL)", "proof of possession", "private key")) {
			byte[] value = canaries.value(kind);
			String wrapped = "x" + Base64.getEncoder().encodeToString(concat(new byte[] { 1 }, value)) + "y" //$NON-NLS-1$ //$NON-NLS-2$
					+ java.util.HexFormat.of().formatHex(value);
			assertFalse(canaries.foundIn(wrapped.getBytes(StandardCharsets.US_ASCII)).isEmpty(), kind);
		}

		List<String> searched = new ArrayList<>();
		searchConsoles(searched, bridge.uri());
		persistWorkbenchState();
		Path log = Platform.getLogFileLocation().toFile().toPath();
		if (Files.exists(log)) {
			canaries.assertNotIn("the platform log " + log, Files.readAllBytes(log));
			searched.add(log.toString());
		}
		Path workspace = Path.of(Platform.getInstanceLocation().getURL().toURI());
		List<Path> metadata = canaries.assertNotUnder(workspace.resolve(".metadata"), file -> true);
		assertTrue(metadata.stream().anyMatch(f -> f.getFileName().toString().endsWith(".prefs")),
				() -> "the instance preferences were searched: " + metadata);
		assertTrue(metadata.stream().anyMatch(f -> f.getFileName().toString().equals("workbench.xmi")),
				() -> "the saved workbench model was searched: " + metadata);
		metadata.forEach(f -> searched.add(f.toString()));
		// the configuration area's settings; its bundle cache (org.eclipse.osgi) holds only the jars
		Path configuration = Path.of(Platform.getConfigurationLocation().getURL().toURI());
		canaries.assertNotUnder(configuration, f -> !f.toString().contains("/org.eclipse.osgi/"))
				.forEach(f -> searched.add(f.toString()));
		// Onramp's own data: the CA, the inventory of issued certificates
		canaries.assertNotUnder(Path.of(System.getProperty("onramp.data.dir")), f -> true)
				.forEach(f -> searched.add(f.toString()));
		// the secure storage holds the remembered PoP, encrypted only
		Path keyring = Path.of(System.getProperty("onramp.secureStorage"));
		assertTrue(Files.exists(keyring), "the PoP was remembered in the secure storage file");
		canaries.assertNotIn("the secure storage file", Files.readAllBytes(keyring));
		searched.add(keyring.toString());
		assertTrue(searched.size() > 5, () -> "searched: " + searched);
	}

	private SimulatedMicroPythonDevice pyDirectBoard(String wifiPassword) {
		SimulatedNetwork network = SimulatedNetwork.isolated().joinedTo("onramp-lab", "lab-password-1")
				.withKnownNetwork(SSID, wifiPassword).withMdns(false);
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults()
				.withMac(MacAddress.parse("24:0a:c4:ca:0a:11")).withNetwork(network);
		return keep(SimulatedMicroPythonDevice.withTemporaryFlash(options));
	}

	/** Change Wi-Fi over the MicroPython REPL: a hidden network named by hand, the canary password typed. */
	private void changeWifi(Device board, String password) throws Exception {
		select(board);
		execute("dev.onramp.ui.commands.changeWifi");
		Shell wizard = shell("Change Wi-Fi");
		driver.waitUntil("the protocol to be detected", () -> driver.button("Next >").isEnabled(), STEP);
		driver.click(driver.button("Next >"));
		Table table = driver.find(Table.class, "the scan table", t -> t.getShell() == wizard);
		driver.waitUntil("the board's scan", () -> rows(table).contains("Other network\u2026"), STEP);
		driver.select(table, "Other network\u2026");
		driver.type(driver.textAfterLabel("Network name:"), SSID);
		driver.type(driver.textAfterLabel("Password:"), password);
		driver.click(driver.button("Finish"));
		driver.waitUntil("the result page", () -> !driver.findAll(Label.class,
				l -> l.getShell() == wizard && "IP address:".equals(l.getText())).isEmpty(), STEP);
		driver.click(driver.button("Finish"));
		driver.waitUntil("the wizard to close", wizard::isDisposed);
		awaitJobsEnd();
	}

	/**
	 * Re-provision with a self-signed certificate: the board gets a new key and certificate. (Self-signed, so that
	 * this test leaves no local CA behind: the Certificate Authority page test starts from none.)
	 */
	private void reprovision(Device board, SimulatedMicroPythonDevice device) throws Exception {
		select(board);
		execute("dev.onramp.ui.commands.reprovision");
		Shell wizard = driver.find(Shell.class, "the Re-provision wizard",
				s -> s.isVisible() && s.getText().startsWith("Re-provision"));
		driver.waitUntil("the CA's state", () -> driver.button("Next >").isEnabled(), STEP);
		driver.click(driver.button("Self-signed, like the pyDirect installer"));
		driver.click(driver.button("Next >"));
		driver.waitUntil("the host name read from the board",
				() -> driver.textAfterLabel("Host name:").getText().equals(device.hostname()), STEP);
		driver.textAfterLabel("HTTPS port:").setText("");
		driver.type(driver.textAfterLabel("HTTPS port:"), Integer.toString(device.httpsPort()));
		driver.click(driver.button("Next >"));
		driver.click(driver.button("Finish"));
		driver.waitUntil("the security-warning dialog", () -> !driver.findAll(Shell.class,
				s -> s.isVisible() && s.getText().endsWith(".local is ready")).isEmpty(), STEP);
		driver.find(Shell.class, "the security-warning dialog", s -> s.isVisible() && s.getText().endsWith(".local is ready"))
				.close();
		driver.waitUntil("the wizard to close", wizard::isDisposed, STEP);
		awaitJobsEnd();
		assertTrue(Files.exists(device.flash().resolve("certs/prvtkey.pem")), "the board has its new key");
	}

	/** Provision with a PoP, remembered, and the canary password for the network the device sees. */
	private void provision(SimulatedProtocommDevice device, String pop, String password) throws Exception {
		select(Device.builder(DeviceKind.ESP_IDF_PROVISIONING).name("PROV_ca0a11")
				.endpoint(EndpointKind.PROVISIONING_HTTP, device.endpoint()).build());
		execute("dev.onramp.ui.commands.provision");
		Shell wizard = shell(PROVISION_TITLE);
		driver.type(driver.textAfterLabel("Proof of possession:"), pop);
		Button remember = driver.button("Remember in secure storage");
		if (!remember.getSelection()) {
			driver.click(remember);
		}
		driver.click(driver.button("Next >"));
		Table table = driver.find(Table.class, "the scan table", t -> t.getShell() == wizard);
		driver.waitUntil("the device's scan", () -> rows(table).contains(SSID), STEP);
		driver.select(table, SSID);
		driver.type(driver.textAfterLabel("Password:"), password);
		driver.click(driver.button("Finish"));
		driver.waitUntil("the result page", () -> !driver.findAll(Label.class,
				l -> l.getShell() == wizard && "IP address:".equals(l.getText())).isEmpty(), STEP);
		driver.click(driver.button("Finish"));
		driver.waitUntil("the wizard to close", wizard::isDisposed);
		awaitJobsEnd();
	}

	/** The key's DER bytes, its secret tail and each long line of its PEM body are canaries too. */
	private void addPrivateKey(String pem) {
		List<String> body = Arrays.stream(pem.split("\\R")).filter(l -> !l.isBlank() && !l.startsWith("-----"))
				.toList();
		byte[] der = Base64.getMimeDecoder().decode(String.join("", body));
		assertTrue(der.length >= 64, () -> "a PEM private key, " + der.length + " bytes");
		canaries.add("private key", der);
		// its last 32 bytes alone: an EC key's private scalar (PKCS#8 without the public key), secret bytes of RSA's
		canaries.add("private key's last 32 bytes", Arrays.copyOfRange(der, der.length - 32, der.length));
		body.stream().filter(line -> line.length() >= 40).forEach(line -> canaries.addForm("private key", "a PEM line",
				line));
	}

	/** Every console's document; the boards' own consoles must be among them, with the wizards' steps. */
	private void searchConsoles(List<String> searched, String boardKey) {
		driver.waitUntil("the board's console to show the re-provisioning's steps", () -> consoles().stream()
				.anyMatch(c -> c.getName().contains(boardKey) || c.getDocument().get().contains("certificate")), STEP);
		driver.flushEvents();
		List<TextConsole> consoles = consoles();
		assertFalse(consoles.isEmpty(), "the wizards wrote to consoles");
		for (TextConsole console : consoles) {
			canaries.assertNotIn("the console '" + console.getName() + "'", console.getDocument().get());
			searched.add("console " + console.getName());
		}
	}

	private static List<TextConsole> consoles() {
		List<TextConsole> text = new ArrayList<>();
		for (IConsole console : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
			if (console instanceof TextConsole t) {
				text.add(t);
			}
		}
		return text;
	}

	/** Writes what the workbench keeps on disk now rather than at exit: preferences, dialog settings, the model. */
	private void persistWorkbenchState() throws Exception {
		InstanceScope.INSTANCE.getNode("").flush();
		ConfigurationScope.INSTANCE.getNode("").flush();
		PlatformUI.getDialogSettingsProvider(FrameworkUtil.getBundle(dev.onramp.ui.internal.jobs.DeviceRule.class))
				.saveDialogSettings();
		// the workbench model (workbench.xmi), as the workbench's auto-save and shutdown write it
		IModelResourceHandler model = PlatformUI.getWorkbench().getService(IModelResourceHandler.class);
		assertTrue(model != null, "the workbench's model resource handler");
		model.save();
		driver.flushEvents();
	}

	private void awaitJobsEnd() {
		driver.waitUntil("the board's Jobs to end", () -> Job.getJobManager().find(DeviceRule.FAMILY).length == 0,
				STEP);
	}

	private void select(Device device) {
		page.activate(view);
		view.selectionProvider().setSelection(new StructuredSelection(device));
		driver.flushEvents();
	}

	private void execute(String commandId) throws Exception {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class).executeCommand(commandId,
				null);
		driver.flushEvents();
	}

	private Shell shell(String title) {
		return driver.find(Shell.class, "a window '" + title + "'", s -> title.equals(s.getText()));
	}

	private static List<String> rows(Table table) {
		return Arrays.stream(table.getItems()).map((TableItem item) -> item.getText(0)).collect(Collectors.toList());
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private <T extends AutoCloseable> T keep(T closeable) {
		started.add(closeable);
		return closeable;
	}
}
