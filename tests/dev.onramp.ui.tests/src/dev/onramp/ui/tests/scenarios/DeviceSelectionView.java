/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.tests.scenarios;

import org.eclipse.jface.action.IMenuListener;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.part.ViewPart;

/**
 * Stands in for the Device Explorer as the scenarios' contract describes it: a site selection provider that holds
 * whatever the test selects (plain {@code Device} objects), and a context menu registered under the Device Explorer's
 * menu id with its groups, so the scenarios' {@code popup:dev.onramp.ui.views.deviceExplorer} contributions land in
 * it. Lets these tests run whatever the explorer's tree rows are.
 */
public class DeviceSelectionView extends ViewPart {

	public static final String ID = "dev.onramp.ui.tests.deviceSelection";
	static final String DEVICE_EXPLORER_MENU = "dev.onramp.ui.views.deviceExplorer";

	private final SimpleSelectionProvider provider = new SimpleSelectionProvider();
	private Label label;
	private Menu menu;

	@Override
	public void createPartControl(Composite parent) {
		label = new Label(parent, SWT.NONE);
		label.setText("Selected devices");
		MenuManager manager = new MenuManager("#PopupMenu");
		manager.setRemoveAllWhenShown(true);
		manager.addMenuListener((IMenuListener) m -> {
			m.add(new Separator("onramp.scenarios"));
			m.add(new Separator("onramp.open"));
			m.add(new Separator("onramp.refresh"));
			m.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		});
		menu = manager.createContextMenu(label);
		label.setMenu(menu);
		getSite().registerContextMenu(DEVICE_EXPLORER_MENU, manager, provider);
		getSite().setSelectionProvider(provider);
	}

	public ISelectionProvider selectionProvider() {
		return provider;
	}

	public Menu contextMenu() {
		return menu;
	}

	@Override
	public void setFocus() {
		label.setFocus();
	}

	private static final class SimpleSelectionProvider implements ISelectionProvider {

		private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
		private ISelection selection = StructuredSelection.EMPTY;

		@Override
		public void addSelectionChangedListener(ISelectionChangedListener listener) {
			listeners.add(listener);
		}

		@Override
		public void removeSelectionChangedListener(ISelectionChangedListener listener) {
			listeners.remove(listener);
		}

		@Override
		public ISelection getSelection() {
			return selection;
		}

		@Override
		public void setSelection(ISelection newSelection) {
			selection = newSelection;
			SelectionChangedEvent event = new SelectionChangedEvent(this, newSelection);
			for (ISelectionChangedListener listener : listeners) {
				listener.selectionChanged(event);
			}
		}
	}
}
