/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceState;
import dev.onramp.core.EndpointKind;

/** The Device Explorer: devices on USB (and, as the services grow, on the network), refreshed in a Job. */
public class DeviceExplorerView extends ViewPart {

	public static final String ID = "dev.onramp.ui.views.deviceExplorer"; //$NON-NLS-1$
	/** Family of the view's Jobs, so tests and shutdown can join them. */
	public static final Object JOB_FAMILY = DeviceExplorerView.class;

	private TableViewer viewer;
	private Label message;
	private Job refreshJob;
	private DeviceExplorerModel model;
	private Display display;
	/** Hot-plug events arrive in bursts; the refresh Job's delay turns a burst into one refresh. */
	private final Runnable modelListener = this::scheduleRefresh;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(parent);
		message = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).applyTo(message);
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(Messages.DeviceExplorer_columnDevice, 180, Device::displayName);
		column(Messages.DeviceExplorer_columnState, 90, d -> stateLabel(d.state()));
		column(Messages.DeviceExplorer_columnConnection, 260, d -> d.endpoint(EndpointKind.WEB)
				.or(() -> d.endpoint(EndpointKind.SERIAL)).map(e -> e.address()).orElse("")); //$NON-NLS-1$
		column(Messages.DeviceExplorer_columnIdentity, 200, d -> d.usb().map(u -> u.vidPid() + " " + u.serialNumber()) //$NON-NLS-1$
				.orElse(d.hostname().orElse(""))); //$NON-NLS-1$
		getSite().setSelectionProvider(viewer);
		viewer.addDoubleClickListener(event -> connect());
		createRefreshAction();
		display = parent.getDisplay();
		model = getSite().getService(DeviceExplorerModel.class);
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
		if (model != null) {
			model.addChangeListener(modelListener);
		}
		scheduleRefresh();
	}

	private void column(String title, int width, Function<Device, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Device) element);
			}
		});
	}

	private void createRefreshAction() {
		Action refresh = new Action(Messages.DeviceExplorer_refresh) {
			@Override
			public void run() {
				scheduleRefresh();
			}
		};
		refresh.setToolTipText(Messages.DeviceExplorer_refresh);
		refresh.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
				.getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
		getViewSite().getActionBars().getToolBarManager().add(refresh);
	}

	private static String stateLabel(DeviceState state) {
		return switch (state) {
		case DETECTED -> Messages.DeviceExplorer_stateDetected;
		case AWAITING_PROVISIONING -> Messages.DeviceExplorer_stateAwaitingProvisioning;
		case CONNECTING -> Messages.DeviceExplorer_stateConnecting;
		case ONLINE -> Messages.DeviceExplorer_stateOnline;
		case OFFLINE -> Messages.DeviceExplorer_stateOffline;
		};
	}

	/** "Connect to <hostname>": opens the selected device's web interface in the user's browser. */
	private void connect() {
		if (!(viewer.getStructuredSelection().getFirstElement() instanceof Device device)) {
			return;
		}
		device.endpoint(EndpointKind.WEB).ifPresent(web -> {
			try {
				PlatformUI.getWorkbench().getBrowserSupport().getExternalBrowser().openURL(URI.create(web.address()).toURL());
			} catch (PartInitException | MalformedURLException | IllegalArgumentException e) {
				StatusManager.getManager().handle(Status.error(NLS.bind(Messages.DeviceExplorer_connectFailed,
						web.address()), e), StatusManager.SHOW | StatusManager.LOG);
			}
		});
	}

	/** Debounced: a burst of requests (hot-plug, clicks) becomes one refresh. */
	public void scheduleRefresh() {
		refreshJob.cancel();
		refreshJob.schedule(100);
	}

	private IStatus refresh(IProgressMonitor monitor) {
		List<Device> devices = model == null ? null : model.devices();
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		if (!display.isDisposed()) {
			display.asyncExec(() -> show(devices));
		}
		return Status.OK_STATUS;
	}

	private void show(List<Device> devices) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		if (devices == null) {
			message.setText(Messages.DeviceExplorer_servicesMissing);
		} else {
			message.setText(devices.isEmpty() ? Messages.DeviceExplorer_empty : ""); //$NON-NLS-1$
			viewer.setInput(devices);
		}
		message.getParent().layout(true, true);
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		if (model != null) {
			model.removeChangeListener(modelListener);
		}
		if (refreshJob != null) {
			refreshJob.cancel();
		}
		super.dispose();
	}
}
