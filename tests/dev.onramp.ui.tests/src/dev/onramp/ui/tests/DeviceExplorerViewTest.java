/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.IViewCategory;
import org.eclipse.ui.views.IViewDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.onramp.ui.internal.views.DeviceExplorerView;
import dev.onramp.ui.tests.driver.SwtDriver;

/** The Device Explorer in the real IDE workbench. */
class DeviceExplorerViewTest {

	private SwtDriver driver;
	private IWorkbenchPage page;

	@BeforeEach
	void openWorkbenchPage() {
		driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	@AfterEach
	void closeView() {
		IViewPart view = page.findView(DeviceExplorerView.ID);
		if (view != null) {
			page.hideView(view);
		}
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

	@Test
	void opensThroughTheWorkbenchAndShowsWhatItFound() throws PartInitException, IOException, InterruptedException {
		IViewPart view = page.showView(DeviceExplorerView.ID);
		assertTrue(page.isPartVisible(view), "the view is visible");
		assertEquals("Device Explorer", view.getTitle());

		Table table = driver.find(Table.class, "the device table", t -> t.getColumnCount() == 4);
		assertEquals("Device", table.getColumn(0).getText());
		assertEquals("State", table.getColumn(1).getText());
		// the first refresh runs in a Job: wait for its result, whatever devices this machine has
		driver.waitUntil("the first refresh to show its result", () -> refreshShown(table));
		if (table.getItemCount() == 0) {
			Label empty = driver.label("No devices found");
			assertTrue(empty.getText().contains("Refresh"));
		}

		Path screenshot = driver.screenshot(page.getWorkbenchWindow().getShell(),
				Path.of(System.getProperty("onramp.screenshots", "target/screenshots"), "device-explorer.png"));
		assertTrue(Files.size(screenshot) > 1000, "a real image was written");

		// the Refresh button runs the refresh again, in a Job of the view's family
		ToolItem refresh = driver.toolItem("Refresh");
		driver.click(refresh);
		driver.waitUntil("the refresh job to finish",
				() -> Job.getJobManager().find(DeviceExplorerView.JOB_FAMILY).length == 0);
		driver.flushEvents();
		assertTrue(refreshShown(table));
	}

	private boolean refreshShown(Table table) {
		// "services are not running" would not count: the view must get its model from Declarative Services
		return table.getItemCount() > 0
				|| !driver.findAll(Label.class, l -> l.getText().startsWith("No devices found")).isEmpty();
	}
}
