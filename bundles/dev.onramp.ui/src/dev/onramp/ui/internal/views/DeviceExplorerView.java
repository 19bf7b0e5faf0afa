/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import dev.onramp.ui.internal.views.model.DeviceGroup;
import dev.onramp.ui.internal.views.model.DeviceRow;
import dev.onramp.ui.internal.views.model.ExplorerModel;
import dev.onramp.ui.internal.views.model.ExplorerSnapshot;
import dev.onramp.ui.internal.views.model.GroupRow;

/**
 * The Device Explorer, the hub of Onramp in the workbench: boards on USB (with what they run, identified in the
 * background), devices on the network, provisioning endpoints and blessed devices, in a tree that follows the
 * device services live. Nothing here touches a port, a socket or a service activation on the UI thread: the model
 * is opened, listed and identified in Jobs, and the tree is updated with {@code asyncExec}.
 */
public class DeviceExplorerView extends ViewPart {

	public static final String ID = "dev.onramp.ui.views.deviceExplorer"; //$NON-NLS-1$
	/** Active while the view is: the Refresh key binding (F5) lives in it. */
	public static final String CONTEXT_ID = "dev.onramp.ui.contexts.deviceExplorer"; //$NON-NLS-1$
	/** Family of the view's Jobs (opening the model, listing), so tests and shutdown can join them. */
	public static final Object JOB_FAMILY = DeviceExplorerView.class;
	/** Context menu groups other contributions place themselves after. */
	public static final String GROUP_SCENARIOS = "onramp.scenarios"; //$NON-NLS-1$
	public static final String GROUP_OPEN = "onramp.open"; //$NON-NLS-1$
	public static final String GROUP_REFRESH = "onramp.refresh"; //$NON-NLS-1$
	/** What a double-click runs, when the command is defined (the scenarios contribute it). */
	static final String CONNECT_COMMAND = "dev.onramp.ui.commands.connectDevice"; //$NON-NLS-1$
	/** Hot-plug events and clicks come in bursts: this delay turns a burst into one refresh. */
	private static final long DEBOUNCE_MILLIS = 100;

	private final Object root = new Object();
	private final Object modelLock = new Object();
	private final Set<String> identifyAgain = ConcurrentHashMap.newKeySet();
	private final Set<DeviceGroup> groupsShown = new HashSet<>();
	private TreeViewer viewer;
	private Text filterText;
	private Label message;
	private ExplorerIcons icons;
	private Display display;
	private Job refreshJob;
	private volatile ExplorerSnapshot snapshot;
	private ExplorerModel model; // guarded by modelLock
	private boolean disposed; // guarded by modelLock

	@Override
	public void createPartControl(Composite parent) {
		display = parent.getDisplay();
		GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
		filterText = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.DeviceExplorer_filterMessage);
		GridDataFactory.fillDefaults().grab(true, false).indent(2, 2).applyTo(filterText);
		message = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 2).applyTo(message);
		viewer = new TreeViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTree().setHeaderVisible(true);
		viewer.getTree().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		icons = new ExplorerIcons(viewer.getControl());
		viewer.setUseHashlookup(true);
		viewer.setContentProvider(new ContentProvider());
		column(Messages.DeviceExplorer_columnDevice, 220, ExplorerLabels::name, icons::image);
		column(Messages.DeviceExplorer_columnState, 220, ExplorerLabels::state, e -> null);
		column(Messages.DeviceExplorer_columnRuns, 190, ExplorerLabels::runs, e -> null);
		column(Messages.DeviceExplorer_columnConnection, 230, ExplorerLabels::connection, e -> null);
		column(Messages.DeviceExplorer_columnIdentity, 260, ExplorerLabels::identity, e -> null);
		ColumnViewerToolTipSupport.enableFor(viewer);
		ExplorerFilter filter = new ExplorerFilter();
		viewer.setFilters(filter);
		filterText.addModifyListener(event -> {
			filter.setText(filterText.getText());
			viewer.refresh();
			viewer.expandAll(); // the matches in view while filtering; every group open again when cleared
			showMessage();
		});
		viewer.setInput(root);
		getSite().setSelectionProvider(viewer);
		createContextMenu();
		viewer.addDoubleClickListener(event -> connect());
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);

		refreshJob = new Job(Messages.DeviceExplorer_refreshJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				return refresh(monitor);
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JOB_FAMILY;
			}
		};
		refreshJob.setSystem(true);
		showMessage();
		scheduleRefresh(); // after the view has painted: opening the model activates the device services
	}

	private void column(String title, int width, Function<Object, String> text, Function<Object, Image> image) {
		TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.getColumn().setMoveable(true);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply(element);
			}

			@Override
			public Image getImage(Object element) {
				return image.apply(element);
			}

			@Override
			public String getToolTipText(Object element) {
				return title.equals(Messages.DeviceExplorer_columnState)
						? ExplorerLabels.stateDetail(element).orElse(null)
						: null;
			}
		});
	}

	/** The groups of the contract between the workbench's contributions: scenarios, open, refresh, additions. */
	private void createContextMenu() {
		MenuManager menu = new MenuManager();
		menu.add(new Separator(GROUP_SCENARIOS));
		menu.add(new Separator(GROUP_OPEN));
		menu.add(new Separator(GROUP_REFRESH));
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS + "-end")); //$NON-NLS-1$
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(menu, viewer);
	}

	/** A double-click connects, when the scenarios contribute Connect Device; without it, it does nothing. */
	private void connect() {
		ICommandService commands = getSite().getService(ICommandService.class);
		Command command = commands == null ? null : commands.getCommand(CONNECT_COMMAND);
		if (command == null || !command.isDefined() || !command.isEnabled()) {
			return;
		}
		try {
			getSite().getService(IHandlerService.class).executeCommand(CONNECT_COMMAND, null);
		} catch (CommandException e) {
			ILog.of(getClass()).warn("Connect Device did not run: " + e.getMessage()); //$NON-NLS-1$
		}
	}

	/** Lists the devices again (debounced: a burst of requests becomes one refresh). */
	public void scheduleRefresh() {
		Job job = refreshJob;
		if (job != null) {
			if (job.getState() != Job.RUNNING) {
				job.cancel(); // restarts the delay; a running refresh is not cancelled, so a stream of events cannot starve it
			}
			job.schedule(DEBOUNCE_MILLIS);
		}
	}

	/**
	 * Lists the devices again and identifies these boards anew (the Refresh command with boards selected).
	 *
	 * @param ports the serial ports of the boards to identify again
	 */
	public void refresh(Collection<String> ports) {
		identifyAgain.addAll(ports);
		scheduleRefresh();
	}

	/** @return the serial ports of the USB boards selected now */
	public List<String> selectedBoardPorts() {
		List<String> ports = new ArrayList<>();
		for (Object element : ((IStructuredSelection) viewer.getSelection()).toList()) {
			if (element instanceof DeviceRow row && row.group() == DeviceGroup.USB_BOARDS) {
				ports.add(row.key());
			}
		}
		return ports;
	}

	private IStatus refresh(IProgressMonitor monitor) {
		ExplorerModel current = model();
		if (current == null) {
			return Status.CANCEL_STATUS;
		}
		List<String> again = new ArrayList<>(identifyAgain);
		identifyAgain.removeAll(again);
		current.identifyAgain(again);
		ExplorerSnapshot next = current.snapshot();
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		if (!display.isDisposed()) {
			display.asyncExec(() -> show(next));
		}
		return Status.OK_STATUS;
	}

	/** Opens the model on first use, in the refresh Job: finding the services may activate them (mDNS starts). */
	private ExplorerModel model() {
		synchronized (modelLock) {
			if (disposed) {
				return null;
			}
			if (model != null) {
				return model;
			}
		}
		Bundle bundle = FrameworkUtil.getBundle(getClass());
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			return null;
		}
		ExplorerModel opened = ExplorerModel.open(context, this::scheduleRefresh);
		synchronized (modelLock) {
			if (disposed) {
				opened.close();
				return null;
			}
			model = opened;
			return opened;
		}
	}

	private void show(ExplorerSnapshot next) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		snapshot = next;
		viewer.refresh();
		for (GroupRow group : next.groups()) {
			if (groupsShown.add(group.group())) {
				viewer.setExpandedState(group, true); // a group is open when it first appears; then as the user leaves it
			}
		}
		groupsShown.retainAll(next.groups().stream().map(GroupRow::group).toList());
		if (!filterText.getText().isBlank()) {
			viewer.expandAll();
		}
		showMessage();
	}

	/** The empty states, each with the next step in words. */
	private void showMessage() {
		ExplorerSnapshot shown = snapshot;
		String text;
		if (shown == null) {
			text = Messages.DeviceExplorer_looking;
		} else if (shown.servicesMissing()) {
			text = Messages.DeviceExplorer_servicesMissing;
		} else if (shown.isEmpty()) {
			text = Messages.DeviceExplorer_empty;
		} else if (viewer.getTree().getItemCount() == 0) {
			text = NLS.bind(Messages.DeviceExplorer_noMatch, filterText.getText().strip());
		} else {
			text = ""; //$NON-NLS-1$
		}
		if (!text.equals(message.getText())) {
			message.setText(text);
			((GridData) message.getLayoutData()).exclude = text.isEmpty();
			message.setVisible(!text.isEmpty());
			message.getParent().layout(true, true);
		}
	}

	/** @return the tree, for the commands and the tests */
	public TreeViewer viewer() {
		return viewer;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		ExplorerModel closing;
		synchronized (modelLock) {
			disposed = true;
			closing = model;
			model = null;
		}
		if (refreshJob != null) {
			refreshJob.cancel();
		}
		if (closing != null) {
			// closing takes listeners off the services; no port or socket is touched
			closing.close();
		}
		super.dispose();
	}

	private final class ContentProvider implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			ExplorerSnapshot shown = snapshot;
			return shown == null ? new Object[0] : shown.groups().toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return parent instanceof GroupRow group ? group.children().toArray() : new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			ExplorerSnapshot shown = snapshot;
			if (shown == null || element instanceof GroupRow) {
				return null;
			}
			return shown.groups().stream().filter(g -> g.children().contains(element)).findFirst().orElse(null);
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof GroupRow group && !group.children().isEmpty();
		}
	}
}
