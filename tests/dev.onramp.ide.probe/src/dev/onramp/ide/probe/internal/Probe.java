/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ide.probe.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Checks an installed workbench from inside, when {@code -Ddev.onramp.ide.probe.result=FILE} asks for it: opens the
 * Device Explorer, records the state of every {@code dev.onramp} bundle and the platform's versions in FILE (a
 * properties file written at once, when everything is known), takes a screenshot of the workbench window when
 * {@code dev.onramp.ide.probe.screenshot=PNG} is given, and closes the workbench when
 * {@code dev.onramp.ide.probe.exit=true}. Without the property it does nothing.
 */
public final class Probe implements IStartup {

	/** The file the findings go to; without it the probe stays inert. */
	public static final String RESULT = "dev.onramp.ide.probe.result"; //$NON-NLS-1$
	/** Where the screenshot of the workbench window goes (PNG), if anywhere. */
	public static final String SCREENSHOT = "dev.onramp.ide.probe.screenshot"; //$NON-NLS-1$
	/** {@code true}: close the workbench once the findings are written. */
	public static final String EXIT = "dev.onramp.ide.probe.exit"; //$NON-NLS-1$

	private static final String DEVICE_EXPLORER = "dev.onramp.ui.views.deviceExplorer"; //$NON-NLS-1$
	private static final int PAINT_DEADLINE_MS = 10_000;

	@Override
	public void earlyStartup() {
		String result = System.getProperty(RESULT);
		if (result == null || result.isBlank()) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		workbench.getDisplay().asyncExec(() -> probe(workbench, Path.of(result)));
	}

	private static void probe(IWorkbench workbench, Path result) {
		Properties findings = new Properties();
		Control view = null;
		try {
			findings.setProperty("platform.ui", version("org.eclipse.ui")); //$NON-NLS-1$ //$NON-NLS-2$
			findings.setProperty("platform.workbench", version("org.eclipse.ui.workbench")); //$NON-NLS-1$ //$NON-NLS-2$
			findings.setProperty("platform.osgi", version("org.eclipse.osgi")); //$NON-NLS-1$ //$NON-NLS-2$
			findings.setProperty("java.version", System.getProperty("java.version", "")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			view = openDeviceExplorer(workbench, findings);
			recordBundles(findings);
		} catch (RuntimeException e) {
			fail(findings, e);
		}
		String screenshot = System.getProperty(SCREENSHOT);
		if (view == null || screenshot == null || screenshot.isBlank()) {
			finish(workbench, findings, result);
			return;
		}
		// the screenshot shows the Device Explorer once it has painted itself (GTK paints in a later turn of the
		// event loop), or what there is after PAINT_DEADLINE_MS
		Display display = workbench.getDisplay();
		Control explorer = view;
		boolean[] taken = { false };
		Runnable shoot = () -> {
			if (taken[0]) {
				return;
			}
			taken[0] = true;
			try {
				screenshot(workbench, Path.of(screenshot));
				findings.setProperty("screenshot", screenshot); //$NON-NLS-1$
			} catch (RuntimeException | IOException e) {
				fail(findings, e);
			}
			finish(workbench, findings, result);
		};
		Listener painted = new Listener() {
			@Override
			public void handleEvent(Event event) {
				if (event.widget instanceof Control control && isWithin(control, explorer)) {
					display.removeFilter(SWT.Paint, this);
					findings.setProperty("view.painted", "true"); //$NON-NLS-1$ //$NON-NLS-2$
					display.asyncExec(shoot);
				}
			}
		};
		display.addFilter(SWT.Paint, painted);
		display.timerExec(PAINT_DEADLINE_MS, () -> {
			display.removeFilter(SWT.Paint, painted);
			shoot.run();
		});
		explorer.redraw();
	}

	private static boolean isWithin(Control control, Control ancestor) {
		for (Control c = control; c != null; c = c.getParent()) {
			if (c == ancestor) {
				return true;
			}
		}
		return false;
	}

	private static void fail(Properties findings, Exception e) {
		StringWriter trace = new StringWriter();
		e.printStackTrace(new PrintWriter(trace));
		findings.setProperty("error", trace.toString()); //$NON-NLS-1$
	}

	private static void finish(IWorkbench workbench, Properties findings, Path result) {
		try {
			write(findings, result);
		} catch (IOException e) {
			// nothing to tell it to: the test that asked sees no result file and says so
		}
		if (Boolean.getBoolean(EXIT)) {
			workbench.close();
		}
	}

	/** @return the Device Explorer's control, or {@code null} when it did not open */
	private static Control openDeviceExplorer(IWorkbench workbench, Properties findings) {
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		if (window == null) {
			findings.setProperty("view.error", "no workbench window"); //$NON-NLS-1$ //$NON-NLS-2$
			return null;
		}
		IWorkbenchPage page = window.getActivePage() != null ? window.getActivePage() : window.getPages()[0];
		try {
			IViewPart view = page.showView(DEVICE_EXPLORER);
			findings.setProperty("view.class", view.getClass().getName()); //$NON-NLS-1$
			findings.setProperty("view.title", view.getTitle()); //$NON-NLS-1$
			findings.setProperty("view.visible", Boolean.toString(page.isPartVisible(view))); //$NON-NLS-1$
			MPart part = view.getSite().getService(MPart.class);
			return part != null && part.getWidget() instanceof Control control ? control : null;
		} catch (PartInitException e) {
			findings.setProperty("view.error", String.valueOf(e.getMessage())); //$NON-NLS-1$
			return null;
		}
	}

	private static void recordBundles(Properties findings) {
		BundleContext context = FrameworkUtil.getBundle(Probe.class).getBundleContext();
		for (Bundle bundle : context.getBundles()) {
			String name = bundle.getSymbolicName();
			if (name != null && name.startsWith("dev.onramp.")) { //$NON-NLS-1$
				findings.setProperty("bundle." + name, state(bundle) + ' ' + bundle.getVersion()); //$NON-NLS-1$
			}
		}
	}

	private static String state(Bundle bundle) {
		return switch (bundle.getState()) {
		case Bundle.ACTIVE -> "ACTIVE"; //$NON-NLS-1$
		case Bundle.STARTING -> "STARTING"; //$NON-NLS-1$
		case Bundle.RESOLVED -> "RESOLVED"; //$NON-NLS-1$
		case Bundle.INSTALLED -> "INSTALLED"; //$NON-NLS-1$
		default -> "STATE_" + bundle.getState(); //$NON-NLS-1$
		};
	}

	private static String version(String symbolicName) {
		BundleContext context = FrameworkUtil.getBundle(Probe.class).getBundleContext();
		for (Bundle bundle : context.getBundles()) {
			if (symbolicName.equals(bundle.getSymbolicName())) {
				return bundle.getVersion().toString();
			}
		}
		return ""; //$NON-NLS-1$
	}

	private static void screenshot(IWorkbench workbench, Path png) throws IOException {
		Display display = workbench.getDisplay();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow() != null ? workbench.getActiveWorkbenchWindow()
				: workbench.getWorkbenchWindows()[0];
		Shell shell = window.getShell();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			Files.createDirectories(png.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(png)) {
				loader.save(out, SWT.IMAGE_PNG);
			}
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	private static void write(Properties findings, Path result) throws IOException {
		findings.setProperty("done", "true"); //$NON-NLS-1$ //$NON-NLS-2$
		Path parent = result.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path partial = Files.createTempFile(parent, "probe", ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$
		try (OutputStream out = Files.newOutputStream(partial)) {
			findings.store(out, "Onramp installed-IDE probe"); //$NON-NLS-1$
		}
		Files.move(partial, result, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}
}
