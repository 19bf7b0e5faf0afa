/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.console;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.IConsolePageParticipant;
import org.eclipse.ui.console.actions.ClearOutputAction;
import org.eclipse.ui.part.IPageBookViewPage;

/**
 * The tool bar of a device console's page in the Console view: "Monitor serial port" (a toggle that follows the
 * monitor's state), "Clear Console" and "Close Console". The view's own pin works for these consoles as for any.
 */
public final class DeviceConsolePageParticipant implements IConsolePageParticipant {

	private DeviceConsole console;
	private IPageBookViewPage page;
	private Action monitorAction;
	private final Runnable monitorStateListener = this::showMonitorState;

	@Override
	public void init(IPageBookViewPage consolePage, IConsole consoleOfPage) {
		this.page = consolePage;
		this.console = (DeviceConsole) consoleOfPage;
		IToolBarManager toolBar = consolePage.getSite().getActionBars().getToolBarManager();

		monitorAction = new Action(Messages.ConsolePage_monitor, IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				console.monitor().ifPresent(monitor -> {
					if (isChecked()) {
						monitor.start();
					} else {
						monitor.stop();
					}
				});
			}
		};
		monitorAction.setToolTipText(Messages.ConsolePage_monitor);
		monitorAction.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
				.getImageDescriptor(ISharedImages.IMG_OBJ_FILE));
		console.monitor().ifPresent(monitor -> monitor.addStateListener(monitorStateListener));
		monitorAction.setEnabled(console.monitor().isPresent());
		monitorAction.setChecked(console.monitor().map(SerialMonitor::isMonitoring).orElse(false));

		Action closeAction = new Action(Messages.ConsolePage_close) {
			@Override
			public void run() {
				console.monitor().ifPresent(SerialMonitor::stop);
				PlatformUI.getWorkbench().getService(DeviceConsoles.class).close(console);
			}
		};
		closeAction.setToolTipText(Messages.ConsolePage_close);
		closeAction.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
				.getImageDescriptor(ISharedImages.IMG_ELCL_REMOVE));

		ClearOutputAction clearAction = new ClearOutputAction(console);
		toolBar.appendToGroup(IConsoleConstants.LAUNCH_GROUP, monitorAction);
		toolBar.appendToGroup(IConsoleConstants.OUTPUT_GROUP, clearAction);
		toolBar.appendToGroup(IConsoleConstants.LAUNCH_GROUP, closeAction);
		consolePage.getSite().getActionBars().updateActionBars();
	}

	private void showMonitorState() {
		Control control = page == null ? null : page.getControl();
		if (control == null || control.isDisposed()) {
			return;
		}
		control.getDisplay().asyncExec(() -> {
			if (!control.isDisposed()) {
				monitorAction.setChecked(console.monitor().map(SerialMonitor::isMonitoring).orElse(false));
			}
		});
	}

	@Override
	public void dispose() {
		if (console != null) {
			console.monitor().ifPresent(monitor -> monitor.removeStateListener(monitorStateListener));
		}
		page = null;
	}

	@Override
	public void activated() {
		// the tool bar belongs to the page: nothing to switch
	}

	@Override
	public void deactivated() {
		// nothing to switch
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return null;
	}
}
