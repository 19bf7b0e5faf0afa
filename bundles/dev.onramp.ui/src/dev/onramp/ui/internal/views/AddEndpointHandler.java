/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ui.internal.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.Device;
import dev.onramp.core.DeviceKind;
import dev.onramp.core.EndpointKind;
import dev.onramp.core.registry.IDeviceRegistry;
import dev.onramp.ui.internal.jobs.DeviceRule;

/**
 * Add Endpoint…: asks for the {@code HOST:PORT} of an ESP-IDF device in provisioning mode (validated as the user
 * types) and registers it with the device registry in a Job, so it appears under Provisioning endpoints.
 */
public class AddEndpointHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		InputDialog dialog = new InputDialog(HandlerUtil.getActiveShell(event), Messages.AddEndpoint_title,
				Messages.AddEndpoint_prompt, HostPort.SOFTAP_DEFAULT, text -> HostPort.problem(text).orElse(null));
		if (dialog.open() == Window.OK) {
			register(dialog.getValue().strip()).schedule();
		}
		return null;
	}

	/** @return the Job that registers the endpoint: getting the registry may activate it (and start mDNS) */
	static Job register(String hostPort) {
		Job job = new Job(NLS.bind(Messages.AddEndpoint_job, hostPort)) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				Bundle bundle = FrameworkUtil.getBundle(AddEndpointHandler.class);
				ServiceTracker<IDeviceRegistry, IDeviceRegistry> registries = new ServiceTracker<>(
						bundle.getBundleContext(), IDeviceRegistry.class, null);
				registries.open();
				try {
					IDeviceRegistry registry = registries.getService();
					if (registry == null) {
						return Status.error(Messages.AddEndpoint_noRegistry);
					}
					registry.register(Device.builder(DeviceKind.ESP_IDF_PROVISIONING)
							.endpoint(EndpointKind.PROVISIONING_HTTP, hostPort).build());
					return Status.OK_STATUS;
				} finally {
					registries.close();
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == DeviceRule.FAMILY;
			}
		};
		job.setRule(new DeviceRule(hostPort));
		return job;
	}
}
