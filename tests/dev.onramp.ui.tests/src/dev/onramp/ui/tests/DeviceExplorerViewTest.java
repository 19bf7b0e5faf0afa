/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.IViewCategory;
import org.eclipse.ui.views.IViewDescriptor;
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
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.views.DeviceExplorerView;
import dev.onramp.ui.internal.views.model.DeviceRow;
import dev.onramp.ui.tests.SimulatedBoards.Board;
import dev.onramp.ui.tests.driver.SwtDriver;
import dev.onramp.ui.tests.driver.UiWatchdog;

/**
 * The Device Explorer in the real IDE workbench, with the real device services: simulated boards on real
 * pseudo-terminals that the serial port service lists, the real registry (mDNS on loopback only), identifier and
 * certificate inventory. Everything runs under the UI watchdog: a freeze over 100 ms fails the test.
 */
class DeviceExplorerViewTest {

	private static final String USB_BOARDS = "USB boards";
	private static final String ENDPOINTS = "Provisioning endpoints";
	private static final String BLESSED = "Blessed devices";
	private static final Duration IDENTIFY_TIMEOUT = Duration.ofSeconds(30);

	private SwtDriver driver;
	private IWorkbenchPage page;
	private final Path screenshots = Path.of(System.getProperty("onramp.screenshots", "target/screenshots"));

	private static Path inventory;
	private static byte[] inventoryBefore;

	/**
	 * Certificates Onramp issued earlier: one expiring in 12 days, one expired, one valid for long. The inventory
	 * of this run is put back as it was afterwards, for the other tests that read it.
	 */
	@BeforeAll
	static void writeTheCertificateInventory() throws IOException {
		Path data = Path.of(System.getProperty("onramp.data.dir", "target/onramp-data"));
		Files.createDirectories(data);
		inventory = data.resolve("inventory.json");
		inventoryBefore = Files.exists(inventory) ? Files.readAllBytes(inventory) : null;
		Instant now = Instant.now();
		String entries = String.join(",\n", certificate("pydirect-b1e5.local", "0a", now.plus(12, ChronoUnit.DAYS)
				.plus(2, ChronoUnit.HOURS)), certificate("old-lamp.local", "0b", now.minus(3, ChronoUnit.DAYS)),
				certificate("greenhouse.local", "0c", now.plus(300, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS)));
		Files.writeString(inventory, "{\n  \"version\": 1,\n  \"certificates\": [\n" + entries + "\n  ]\n}\n",
				StandardCharsets.UTF_8);
	}

	@AfterAll
	static void restoreTheCertificateInventory() throws IOException {
		if (inventoryBefore == null) {
			Files.deleteIfExists(inventory);
		} else {
			Files.write(inventory, inventoryBefore);
		}
	}

	private static String certificate(String host, String serial, Instant notAfter) {
		return "    {\"hostname\":\"" + host + "\",\"serial\":\"" + serial + "\",\"fingerprint_sha256\":\""
				+ "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:"
				+ serial.toUpperCase() + "\",\"key\":\"ec-p256\",\"trust\":\"ca\",\"issued_at\":\""
				+ notAfter.minus(397, ChronoUnit.DAYS) + "\",\"not_after\":\"" + notAfter + "\"}";
	}

	@BeforeEach
	void openWorkbenchPage() {
		driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void closeViews() {
		for (String id : List.of(DeviceExplorerView.ID, IPageLayout.ID_PROP_SHEET)) {
			IViewPart view = page.findView(id);
			if (view != null) {
				page.hideView(view);
			}
		}
		driver.waitUntil("the explorer's jobs to end",
				() -> Job.getJobManager().find(DeviceExplorerView.JOB_FAMILY).length == 0);
	}

	/**
	 * Opens the view once and closes it before the test measures, so the JVM's first loading of the workbench's
	 * part and menu classes (seen taking over a second on a loaded machine) is not counted as the view's freeze;
	 * the slow registry below is what the view must never wait for. Then waits for the workbench to be idle.
	 */
	private void settle() throws PartInitException {
		page.hideView(page.showView(DeviceExplorerView.ID));
		driver.waitUntil("the explorer's jobs to end",
				() -> Job.getJobManager().find(DeviceExplorerView.JOB_FAMILY).length == 0);
		driver.waitUntil("the workbench to be idle", () -> Job.getJobManager().isIdle());
		driver.flushEvents();
	}

	@Test
	void isRegisteredInTheOnrampCategoryWithItsIcon() {
		IViewDescriptor descriptor = PlatformUI.getWorkbench().getViewRegistry().find(DeviceExplorerView.ID);
		assertNotNull(descriptor, "the view is registered");
		assertEquals("Device Explorer", descriptor.getLabel());
		IViewCategory category = Arrays.stream(PlatformUI.getWorkbench().getViewRegistry().getCategories())
				.filter(c -> c.getId().equals("dev.onramp.ui.category")).findFirst().orElseThrow();
		assertEquals("Onramp", category.getLabel());
		assertTrue(Arrays.stream(category.getViews()).anyMatch(v -> v.getId().equals(DeviceExplorerView.ID)),
				"the Device Explorer is listed under Onramp in Show View");
		ImageData icon = descriptor.getImageDescriptor().getImageData(100);
		assertNotNull(icon, "the icon loads");
		assertEquals(16, icon.width);
	}

	/**
	 * Opening the view never waits for the device services: with a registry that takes long to activate (as mDNS
	 * starting on many interfaces can), the view opens at once, says it is looking, and shows the devices when the
	 * registry is there.
	 */
	@Test
	void opensWithoutFreezingWhileTheRegistryIsSlowToStart() throws Exception {
		Device endpoint = Device.builder(DeviceKind.ESP_IDF_PROVISIONING)
				.endpoint(EndpointKind.PROVISIONING_HTTP, "127.0.0.1:1").build();
		settle();
		SlowDeviceRegistry slow = new SlowDeviceRegistry(List.of(endpoint));
		BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put(Constants.SERVICE_RANKING, Integer.valueOf(Integer.MAX_VALUE));
		// registered off the UI thread: a component that follows the best registry would get it at once
		CompletableFuture<ServiceRegistration<?>> registered = CompletableFuture
				.supplyAsync(() -> context.registerService(IDeviceRegistry.class.getName(), slow, properties));
		driver.waitUntil("the slow registry to be registered", registered::isDone);
		try (UiWatchdog watchdog = UiWatchdog.start(driver.display())) {
			IViewPart view = page.showView(DeviceExplorerView.ID);
			assertTrue(page.isPartVisible(view));
			Tree tree = explorerTree();
			assertEquals(List.of("Device", "State", "Runs", "Connection", "Identity"),
					Arrays.stream(tree.getColumns()).map(c -> c.getText()).toList());
			driver.waitUntil("the explorer to ask for the registry", slow::asked);
			driver.flushEvents();
			assertTrue(driver.label("Looking for devices").isVisible(), "the view says it is looking");
			assertEquals(0, tree.getItemCount());

			slow.finishActivation();
			driver.waitUntil("the registry's endpoint to be shown",
					() -> ExplorerTree.rowTexts(tree, ENDPOINTS, "127.0.0.1:1").isPresent());
			assertEquals(List.of("127.0.0.1:1", "Detected", "ESP-IDF provisioning", "127.0.0.1:1", ""),
					ExplorerTree.rowTexts(tree, ENDPOINTS, "127.0.0.1:1").orElseThrow());
			assertTrue(driver.findAll(Label.class, l -> l.getText().startsWith("Looking")).isEmpty());
			watchdog.assertResponsive();
		} finally {
			slow.finishActivation();
			ServiceRegistration<?> registration = registered.get();
			CompletableFuture<Void> unregistered = CompletableFuture.runAsync(registration::unregister);
			driver.waitUntil("the slow registry to go", unregistered::isDone);
		}
	}

	/**
	 * The hub: boards appear as they are plugged in and are identified in the background, blessed devices show
	 * their certificates' expiry, the Properties view shows a board's details, the filter narrows the rows, Refresh
	 * identifies the selected board again (and only it), Add Endpoint adds a row, and unplugged boards disappear.
	 */
	@Test
	void showsBoardsAsTheyComeAndGoWithWhatTheyRun() throws Exception {
		// room for the screenshots: the whole virtual screen
		page.getWorkbenchWindow().getShell().setBounds(driver.display().getClientArea());
		settle();
		List<Job> identifications = new CopyOnWriteArrayList<>();
		IJobChangeListener jobs = new JobChangeAdapter() {
			@Override
			public void scheduled(IJobChangeEvent event) {
				if (event.getJob().belongsTo(DeviceRule.FAMILY) && event.getJob().getRule() instanceof DeviceRule) {
					identifications.add(event.getJob());
				}
			}
		};
		Job.getJobManager().addJobChangeListener(jobs);
		try (Responsiveness watchdog = Responsiveness.watch(driver.display());
				SimulatedBoards boards = new SimulatedBoards(driver)) {
			DeviceExplorerView view = (DeviceExplorerView) page.showView(DeviceExplorerView.ID);
			Tree tree = explorerTree();

			// blessed devices, from the certificate inventory
			// (a registry that started before this test wrote the inventory reads it again when the view asks)
			List<String> blessed = List.of("pydirect-b1e5", "Certificate expires in 12 days", "pyDirect",
					"https://pydirect-b1e5.local/");
			driver.waitUntil("the blessed devices with what they run", () -> ExplorerTree.rowTexts(tree, BLESSED,
					"https://greenhouse.local/").isPresent()
					&& ExplorerTree.rowTexts(tree, BLESSED, "https://pydirect-b1e5.local/")
							.map(row -> row.subList(0, 4).equals(blessed)).orElse(false));
			assertEquals("Certificate expired",
					ExplorerTree.rowTexts(tree, BLESSED, "https://old-lamp.local/").orElseThrow().get(1));
			assertEquals("Certificate valid for 300 days",
					ExplorerTree.rowTexts(tree, BLESSED, "https://greenhouse.local/").orElseThrow().get(1));

			// plugged in: listed, identified in the background
			Board improv = boards.improv("improv-board");
			Board micropython = boards.microPython("micropython-board", 0x42);
			String improvPort = improv.systemPath();
			String micropythonPort = micropython.systemPath();
			driver.waitUntil("the Improv board to be identified", () -> ExplorerTree.rowTexts(tree, USB_BOARDS,
					improvPort).map(r -> r.get(2).startsWith("Improv")).orElse(false), IDENTIFY_TIMEOUT);
			driver.waitUntil("the MicroPython board to be identified", () -> ExplorerTree.rowTexts(tree, USB_BOARDS,
					micropythonPort).map(r -> r.get(2).startsWith("MicroPython")).orElse(false), IDENTIFY_TIMEOUT);
			List<String> improvRow = ExplorerTree.rowTexts(tree, USB_BOARDS, improvPort).orElseThrow();
			assertEquals("On USB", improvRow.get(1));
			List<String> micropythonRow = ExplorerTree.rowTexts(tree, USB_BOARDS, micropythonPort).orElseThrow();
			assertEquals("On USB", micropythonRow.get(1));
			assertTrue(micropythonRow.get(2).contains("ESP32"), "the chip is shown: " + micropythonRow);
			assertTrue(micropythonRow.get(4).contains("24:0a:c4:e2:42:42"), "the MAC is shown: " + micropythonRow);
			assertEquals(1, identifications.stream().filter(j -> isIdentification(j, improvPort)).count(),
					"identified once");

			// a board whose port another program holds: the failure is on its row, no dialog
			Board held = boards.heldByAnotherProgram("held-board");
			String heldPort = held.systemPath();
			int shells = driver.display().getShells().length;
			waitForRows(tree, "the held board's failure", () -> ExplorerTree.rowTexts(tree, USB_BOARDS, heldPort)
					.map(r -> r.get(1).contains("is busy: it is held by sleep")).orElse(false));
			assertEquals("Unknown", ExplorerTree.rowTexts(tree, USB_BOARDS, heldPort).orElseThrow().get(2));
			assertEquals(shells, driver.display().getShells().length, "no dialog for a board that cannot be identified");

			// Add Endpoint…: a dialog that checks the address as the user types
			addEndpointThroughTheDialog("127.0.0.1:8089");
			waitForRows(tree, "the endpoint to be listed",
					() -> ExplorerTree.rowTexts(tree, ENDPOINTS, "127.0.0.1:8089").isPresent());
			assertEquals("ESP-IDF provisioning",
					ExplorerTree.rowTexts(tree, ENDPOINTS, "127.0.0.1:8089").orElseThrow().get(2));

			page.activate(view);
			driver.flushEvents();
			watchdog.unwatched(() -> driver.screenshot(tree.getParent(), screenshots.resolve("device-explorer.png")));

			// the Properties view shows the selected board's details: created first, it follows the explorer once the
			// explorer is active again; shown (in the same stack, so the explorer is hidden), it shows the selection
			showPropertiesBesideTheExplorer();
			// the Properties view follows the part activated after it is there
			page.activate(page.findView(IPageLayout.ID_PROP_SHEET));
			driver.flushEvents();
			page.activate(view);
			driver.flushEvents();
			select(view, micropythonPort);
			Tree properties;
			try {
				properties = driver.find(Tree.class, "the Properties view's tree",
						t -> t.getColumnCount() == 2 && t.getColumn(0).getText().equals("Property"));
			} catch (AssertionError e) {
				driver.screenshot(page.getWorkbenchWindow().getShell(), screenshots.resolve("debug-properties.png"));
				throw new AssertionError(e.getMessage() + "; sheet " + page.findView(IPageLayout.ID_PROP_SHEET) + " visible "
						+ page.isPartVisible(page.findView(IPageLayout.ID_PROP_SHEET)) + "; trees: " + driver.findAll(Tree.class, t -> true).stream()
						.map(t -> t.isVisible() + " " + Arrays.stream(t.getColumns()).map(c -> c.getText()).toList())
						.toList() + " active part " + page.getActivePart(), e);
			}
			driver.waitUntil("the board's properties", () -> ExplorerTree.allRows(properties).stream()
					.anyMatch(r -> r.equals("MAC address | 24:0a:c4:e2:42:42")));
			List<String> shown = ExplorerTree.allRows(properties);
			assertTrue(shown.contains("Serial port | " + micropythonPort), shown.toString());
			assertTrue(shown.contains("Stable path | " + micropython.link()), shown.toString());
			assertTrue(shown.contains("Runs | MicroPython"), shown.toString());
			assertTrue(shown.stream().anyMatch(r -> r.startsWith("Chip | ESP32")), shown.toString());
			assertTrue(shown.stream().anyMatch(r -> r.startsWith("Firmware | micropython")), shown.toString());
			watchdog.unwatched(() -> driver.screenshot(page.getWorkbenchWindow().getShell(),
					screenshots.resolve("device-properties.png")));
			page.activate(view);
			driver.flushEvents();

			// the context menu is registered under the view's id: the scenarios and consoles place their commands in it
			List<String> menu = new ArrayList<>();
			watchdog.unwatched(() -> menu.addAll(openContextMenu(tree, screenshots.resolve("device-explorer-menu.png"))));
			assertTrue(menu.contains("Connect Device..."), menu.toString());
			assertTrue(menu.contains("Open Console"), menu.toString());

			// Refresh identifies the selected board again, and only it
			long improvRuns = identifications.stream().filter(j -> isIdentification(j, improvPort)).count();
			select(view, micropythonPort);
			// the workbench adds the key binding to the tool tip: "… (F5)"
			driver.click(driver.find(ToolItem.class, "the Refresh button", i -> i.getToolTipText() != null
					&& i.getToolTipText().startsWith("Refresh (identifies the selected boards again)")));
			driver.waitUntil("the selected board to be identified again", () -> identifications.stream()
					.filter(j -> isIdentification(j, micropythonPort)).count() == 2);
			driver.waitUntil("the identification to end",
					() -> Job.getJobManager().find(DeviceRule.FAMILY).length == 0, IDENTIFY_TIMEOUT);
			driver.waitUntil("the board to show what it runs again", () -> ExplorerTree.rowTexts(tree, USB_BOARDS,
					micropythonPort).map(r -> r.get(2).startsWith("MicroPython")).orElse(false));
			assertEquals(improvRuns, identifications.stream().filter(j -> isIdentification(j, improvPort)).count(),
					"the board that was not selected is not asked again");

			// the filter narrows the rows, and says when nothing matches
			Text filter = driver.find(Text.class, "the filter", t -> t.getMessage().startsWith("Filter"));
			filter.setText("micropython");
			driver.flushEvents();
			assertEquals(1, ExplorerTree.rows(tree, USB_BOARDS).size());
			assertTrue(ExplorerTree.group(tree, BLESSED).isEmpty(), "no blessed device matches");
			filter.setText("24:0a:c4:e2:42");
			assertEquals(List.of(micropythonPort),
					ExplorerTree.rows(tree, USB_BOARDS).stream().map(r -> r.get(3)).toList());
			filter.setText("no-such-device");
			driver.flushEvents();
			assertEquals(0, tree.getItemCount());
			assertTrue(driver.label("No device matches").isVisible());
			filter.setText("");
			driver.flushEvents();
			assertEquals(3, ExplorerTree.rows(tree, USB_BOARDS).size());

			// unplugged: the row goes, the other stays
			boards.unplug(improv);
			driver.waitUntil("the unplugged board to disappear",
					() -> ExplorerTree.row(tree, USB_BOARDS, improvPort).isEmpty());
			assertTrue(ExplorerTree.row(tree, USB_BOARDS, micropythonPort).isPresent());
			watchdog.assertResponsive();
		} finally {
			Job.getJobManager().removeJobChangeListener(jobs);
		}
	}

	private void waitForRows(Tree tree, String what, java.util.function.BooleanSupplier condition) {
		try {
			driver.waitUntil(what, condition);
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "; the tree shows " + ExplorerTree.allRows(tree), e);
		}
	}

	private static boolean isIdentification(Job job, String port) {
		return job.getRule() instanceof DeviceRule rule && rule.key().equals(port) && job.getName().startsWith("Identifying");
	}

	/**
	 * Opens the Properties view in the stack of the Outline, so that it and the explorer are both visible (they
	 * share the bottom stack otherwise, where one hides the other), as a user would drag it.
	 */
	private void showPropertiesBesideTheExplorer() throws PartInitException {
		page.showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
		EModelService models = page.getWorkbenchWindow().getService(EModelService.class);
		EPartService parts = page.getWorkbenchWindow().getService(EPartService.class);
		MPart sheet = parts.findPart(IPageLayout.ID_PROP_SHEET);
		MPart outline = parts.findPart(IPageLayout.ID_OUTLINE);
		if (sheet != null && outline != null && outline.getCurSharedRef() != null && sheet.getCurSharedRef() != null
				&& outline.getCurSharedRef().getParent() != sheet.getCurSharedRef().getParent()) {
			models.move(sheet.getCurSharedRef(), outline.getCurSharedRef().getParent());
		}
		page.showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
		driver.flushEvents();
	}

	private Tree explorerTree() {
		return driver.find(Tree.class, "the device tree",
				t -> t.getColumnCount() == 5 && t.getColumn(0).getText().equals("Device"));
	}

	private void select(DeviceExplorerView view, String port) {
		TreeItem group = ExplorerTree.group(view.viewer().getTree(), USB_BOARDS).orElseThrow();
		Object row = Arrays.stream(group.getItems()).filter(i -> i.getText(3).equals(port)).findFirst()
				.map(TreeItem::getData).orElseThrow();
		assertTrue(row instanceof DeviceRow);
		Device device = org.eclipse.core.runtime.Adapters.adapt(row, Device.class);
		assertNotNull(device, "a board's row adapts to its device");
		assertEquals(port, device.endpoint(EndpointKind.SERIAL).orElseThrow().address());
		view.viewer().setSelection(new StructuredSelection(row), true);
		driver.flushEvents();
	}

	/**
	 * Runs Add Endpoint… as the toolbar does; the dialog's event loop runs the steps of a user (the command returns
	 * when the dialog closes).
	 */
	private void addEndpointThroughTheDialog(String hostPort) throws Exception {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Runnable user = new Runnable() {
			@Override
			public void run() {
				Shell dialog = Arrays.stream(driver.display().getShells())
						.filter(s -> s.isVisible() && "Add Provisioning Endpoint".equals(s.getText())).findFirst()
						.orElse(null);
				if (dialog == null) {
					driver.display().timerExec(20, this);
					return;
				}
				try {
					Text address = driver.findAll(Text.class,
							t -> t.getShell() == dialog && (t.getStyle() & SWT.READ_ONLY) == 0).get(0);
					Button ok = driver.findAll(Button.class, b -> b.getShell() == dialog && b.getText().equals("OK"))
							.get(0);
					assertEquals("192.168.4.1:80", address.getText(), "the SoftAP default is offered");
					address.setText("192.168.4.1");
					assertFalse(ok.isEnabled());
					assertTrue(errorShown(dialog, "HOST:PORT"), "the dialog says what is wrong");
					address.setText("192.168.4.1:99999");
					assertTrue(errorShown(dialog, "1 to 65535"));
					address.setText("bad_host!:80");
					assertTrue(errorShown(dialog, "neither an IP address nor a host name"));
					address.setText(hostPort);
					assertTrue(ok.isEnabled());
					ok.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
				} catch (Throwable e) {
					failure.set(e);
					dialog.close();
				}
			}
		};
		driver.display().timerExec(20, user);
		PlatformUI.getWorkbench().getService(IHandlerService.class)
				.executeCommand("dev.onramp.ui.commands.addEndpoint", null);
		if (failure.get() != null) {
			throw new AssertionError("the Add Endpoint dialog", failure.get());
		}
	}

	private boolean errorShown(Shell dialog, String fragment) {
		return !driver.findAll(Text.class, t -> t.getShell() == dialog && (t.getStyle() & SWT.READ_ONLY) != 0
				&& t.getText().contains(fragment)).isEmpty();
	}

	/** @return the items of the tree's context menu, opened as a right click does; saves a screenshot of it */
	private List<String> openContextMenu(Tree tree, Path file) throws IOException {
		Menu menu = tree.getMenu();
		assertNotNull(menu, "the tree has a context menu");
		Rectangle bounds = driver.displayBounds(tree);
		menu.setLocation(bounds.x + 60, bounds.y + 60);
		menu.setVisible(true);
		driver.waitUntil("the context menu to be filled", () -> menu.getItemCount() > 0);
		driver.flushEvents();
		List<String> items = new ArrayList<>();
		for (MenuItem item : menu.getItems()) {
			if ((item.getStyle() & SWT.SEPARATOR) == 0) {
				items.add(item.getText().replace("&", "").replaceAll("\t.*", ""));
			}
		}
		Shell shell = tree.getShell();
		Rectangle area = shell.getBounds();
		Image image = new Image(driver.display(), area.width, area.height);
		GC gc = new GC(driver.display());
		try {
			gc.copyArea(image, area.x, area.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			Files.createDirectories(file.getParent());
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
			menu.setVisible(false);
			driver.flushEvents();
		}
		return items;
	}
}
