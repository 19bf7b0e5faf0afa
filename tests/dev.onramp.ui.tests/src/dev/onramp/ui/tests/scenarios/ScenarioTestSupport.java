/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.scenarios;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import dev.onramp.core.Device;
import dev.onramp.ui.internal.console.IDeviceConsoles;
import dev.onramp.ui.internal.jobs.DeviceRule;
import dev.onramp.ui.internal.scenarios.ScenarioJob;
import dev.onramp.ui.tests.driver.SwtDriver;

/** What the scenario tests share: the workbench page, the stand-in view, the recording consoles, finding dialogs. */
public abstract class ScenarioTestSupport {

	static final RecordingConsoles CONSOLES = new RecordingConsoles();
	private static ServiceRegistration<IDeviceConsoles> consolesRegistration;

	SwtDriver driver;
	IWorkbenchPage page;
	DeviceSelectionView view;

	@BeforeAll
	static void registerConsoles() {
		BundleContext context = FrameworkUtil.getBundle(ScenarioTestSupport.class).getBundleContext();
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(Constants.SERVICE_RANKING, Integer.valueOf(1000));
		consolesRegistration = context.registerService(IDeviceConsoles.class, CONSOLES, properties);
	}

	@AfterAll
	static void unregisterConsoles() {
		consolesRegistration.unregister();
	}

	@BeforeEach
	void openView() throws PartInitException {
		driver = new SwtDriver(PlatformUI.getWorkbench().getDisplay());
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		view = (DeviceSelectionView) page.showView(DeviceSelectionView.ID);
		page.activate(view);
		CONSOLES.clear();
		warmUp();
		driver.flushEvents();
	}

	private static boolean warm;

	/**
	 * Opens and closes the kinds of dialog the scenarios show, once per run and before any watchdog starts: the first
	 * dialog of a workbench loads classes and asks the X server about its monitors, a one-time cost that is not the
	 * scenarios' work.
	 */
	private void warmUp() {
		if (warm) {
			return;
		}
		warm = true;
		Shell parent = page.getWorkbenchWindow().getShell();
		TitleAreaDialog titled = new TitleAreaDialog(parent);
		titled.setBlockOnOpen(false);
		titled.open();
		MessageDialog message = new MessageDialog(parent, "warm-up", null, "warm-up", MessageDialog.INFORMATION, 0,
				"OK");
		message.setBlockOnOpen(false);
		message.open();
		loadWizardClasses();
		org.eclipse.jface.wizard.WizardDialog wizard = new org.eclipse.jface.wizard.WizardDialog(parent,
				new WarmUpWizard());
		wizard.setBlockOnOpen(false);
		wizard.open();
		driver.flushEvents();
		wizard.close();
		message.close();
		titled.close();
		driver.flushEvents();
	}

	@AfterEach
	void closeEverything() throws InterruptedException {
		endDeviceWork(driver, page);
	}

	/**
	 * Ends what a test left running on the boards: cancels the device Jobs and waits for them, closes every dialog
	 * and wizard, and hides the device selection view.
	 */
	public static void endDeviceWork(SwtDriver driver, IWorkbenchPage page) {
		for (Job job : Job.getJobManager().find(DeviceRule.FAMILY)) {
			job.cancel();
		}
		driver.waitUntil("the device Jobs to end", () -> Job.getJobManager().find(DeviceRule.FAMILY).length == 0); //$NON-NLS-1$
		for (Shell shell : driver.display().getShells()) {
			if (shell != page.getWorkbenchWindow().getShell() && !shell.isDisposed() && shell.isVisible()) {
				shell.close();
			}
		}
		IViewPart part = page.findView(DeviceSelectionView.ID);
		if (part != null) {
			page.hideView(part);
		}
		driver.flushEvents();
	}

	/** Loads and initialises the Wi-Fi wizards' classes (and their messages) as their first opening would. */
	private static void loadWizardClasses() {
		org.osgi.framework.Bundle ui = FrameworkUtil.getBundle(ScenarioJob.class);
		for (String name : List.of("Messages", "WifiWizards", "ChangeWifiWizard", "BoardPage",
				"ProvisionWizard", "EndpointPage", "NetworkPage", "ResultPage")) {
			try {
				Class<?> type = ui.loadClass("dev.onramp.ui.internal.wizards.wifi." + name);
				Class.forName(type.getName(), true, type.getClassLoader());
			} catch (ClassNotFoundException e) {
				throw new AssertionError(e);
			}
		}
		try {
			Class<?> step = ui.loadClass("dev.onramp.ui.internal.wizards.DeviceStep");
			Class.forName(step.getName(), true, step.getClassLoader());
		} catch (ClassNotFoundException e) {
			throw new AssertionError(e);
		}
	}

	/** A wizard with a table and a progress part, as the Wi-Fi wizards show them. */
	private static final class WarmUpWizard extends org.eclipse.jface.wizard.Wizard {
		WarmUpWizard() {
			setNeedsProgressMonitor(true);
			setHelpAvailable(true);
			addPage(new org.eclipse.jface.wizard.WizardPage("warm-up") {
				@Override
				public void createControl(org.eclipse.swt.widgets.Composite parent) {
					org.eclipse.swt.widgets.Table table = new org.eclipse.swt.widgets.Table(parent,
							org.eclipse.swt.SWT.BORDER | org.eclipse.swt.SWT.FULL_SELECTION);
					table.setHeaderVisible(true);
					new org.eclipse.swt.widgets.TableColumn(table, org.eclipse.swt.SWT.LEFT).setText("warm-up");
					new org.eclipse.swt.widgets.TableItem(table, org.eclipse.swt.SWT.NONE).setText("warm-up");
					setControl(table);
				}
			});
		}

		@Override
		public boolean performFinish() {
			return true;
		}
	}

	void select(Device device) {
		page.activate(view);
		view.selectionProvider().setSelection(new StructuredSelection(device));
		driver.flushEvents();
	}

	/** Runs a command as its menu item, key binding or tool item would: it returns at once, its dialog stays open. */
	void execute(String commandId) throws CommandException {
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class).executeCommand(commandId,
				null);
		driver.flushEvents();
	}

	Shell shell(String title) {
		return driver.find(Shell.class, "a window '" + title + "'", s -> title.equals(s.getText()));
	}

	/** @return the text of the result dialog with this title, once it shows */
	String outcome(String title) {
		Shell shell = shell(title);
		return String.join("\n", driver.findAll(Label.class, l -> l.getShell() == shell && !l.getText().isEmpty())
				.stream().map(Label::getText).toList());
	}

	void press(String buttonText) {
		Button button = driver.button(buttonText);
		SCHEDULED.set(null); // the scenario Job this press starts, if any, is the one scenarioJob() returns
		driver.click(button);
	}

	/** Selects the radio button with this text, as a click on it would. */
	void choose(String radioText) {
		Button radio = driver.button(radioText);
		if (!radio.getSelection()) {
			driver.click(radio);
		}
	}

	/**
	 * @return the scenario Job the last {@link #press} scheduled, even when it has already finished (a fast device),
	 *         waiting for it to be scheduled; empty when none was
	 */
	Optional<ScenarioJob> scenarioJob() {
		try {
			driver.waitUntil("a scenario Job to be scheduled", () -> SCHEDULED.get() != null,
					java.time.Duration.ofSeconds(5));
		} catch (AssertionError none) {
			return Optional.empty();
		}
		return Optional.of(SCHEDULED.get());
	}

	/** The scenario Job scheduled last, seen by a job-change listener, so a Job that already ended is not missed. */
	private static final java.util.concurrent.atomic.AtomicReference<ScenarioJob> SCHEDULED = new java.util.concurrent.atomic.AtomicReference<>();

	static {
		Job.getJobManager().addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
			@Override
			public void scheduled(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
				if (event.getJob() instanceof ScenarioJob scenario && scenario.belongsTo(DeviceRule.FAMILY)) {
					SCHEDULED.set(scenario);
				}
			}
		});
	}

	static Path screenshots() {
		return Path.of(System.getProperty("onramp.screenshots", "target/screenshots"));
	}
}
