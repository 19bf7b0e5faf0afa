/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import dev.onramp.core.DataDirectory;
import dev.onramp.core.ExitCode;
import dev.onramp.headless.internal.commands.DemoCommand;

/**
 * The {@code onramp} command: the Eclipse application that factory stations, CI jobs and scripts run. It only
 * bridges the launcher to the {@link CommandRunner} component; everything else is in services.
 */
public class OnrampApplication implements IApplication {

	/** Bounded wait for Declarative Services to publish the runner; normally it is there before we ask. */
	private static final long RUNNER_WAIT_SECONDS = 10;
	private static final Set<String> RUNTIME_OPTIONS_WITH_VALUE = Set.of("-eclipse.keyring", "-eclipse.password"); //$NON-NLS-1$ //$NON-NLS-2$

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = withoutRuntimeOptions((String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS));
		context.applicationRunning();
		useDataDirectoryOption(args);
		Optional<Path> scratch = DemoCommand.prepare(args, System.getenv());
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
			return Integer.valueOf(runner.run(args, System.out, System.err, System.getenv()));
		} finally {
			tracker.close();
			scratch.ifPresent(DemoCommand::removeTemporaryDataDirectory);
		}
	}

	/**
	 * The secure-storage options of the Equinox runtime ({@code -eclipse.keyring FILE}, {@code -eclipse.password
	 * FILE}) reach the application with its own arguments; the runtime has read them already.
	 */
	static String[] withoutRuntimeOptions(String[] args) {
		if (args == null) {
			return new String[0];
		}
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (RUNTIME_OPTIONS_WITH_VALUE.contains(args[i])) {
				i++;
			} else {
				kept.add(args[i]);
			}
		}
		return kept.toArray(String[]::new);
	}

	/**
	 * Services such as the certificate authority read the data directory when they start, which is before the
	 * command line is parsed: hand {@code --data-dir} over as the property they read.
	 */
	private static void useDataDirectoryOption(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--data-dir") && i + 1 < args.length) { //$NON-NLS-1$
				System.setProperty(DataDirectory.PROPERTY, Path.of(args[i + 1]).toAbsolutePath().toString());
			} else if (args[i].startsWith("--data-dir=")) { //$NON-NLS-1$
				System.setProperty(DataDirectory.PROPERTY,
						Path.of(args[i].substring("--data-dir=".length())).toAbsolutePath().toString()); //$NON-NLS-1$
			}
		}
	}

	@Override
	public void stop() {
		// commands observe cancellation through their progress monitors
	}
}
