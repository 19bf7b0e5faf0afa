/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.ExitCode;

/**
 * The {@code onramp} command: the Eclipse application that factory stations, CI jobs and scripts run. It only
 * bridges the launcher to the {@link CommandRunner} component; everything else is in services.
 */
public class OnrampApplication implements IApplication {

	/** Bounded wait for Declarative Services to publish the runner; normally it is there before we ask. */
	private static final long RUNNER_WAIT_SECONDS = 10;

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		BundleContext bundleContext = FrameworkUtil.getBundle(OnrampApplication.class).getBundleContext();
		ServiceTracker<CommandRunner, CommandRunner> tracker = new ServiceTracker<>(bundleContext, CommandRunner.class,
				null);
		tracker.open();
		try {
			CommandRunner runner = tracker.waitForService(TimeUnit.SECONDS.toMillis(RUNNER_WAIT_SECONDS));
			if (runner == null) {
				System.err.println("onramp: the command runner did not start; run with --verbose and report this."); //$NON-NLS-1$
				return Integer.valueOf(ExitCode.INTERNAL_ERROR);
			}
			return Integer.valueOf(runner.run(args == null ? new String[0] : args, System.out, System.err, System.getenv()));
		} finally {
			tracker.close();
		}
	}

	@Override
	public void stop() {
		// commands observe cancellation through their progress monitors
	}
}
