/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.onramp.core.FailureReason;
import dev.onramp.core.OnrampException;
import dev.onramp.headless.internal.CommandEnvironment;
import dev.onramp.headless.internal.CommandLine;
import dev.onramp.headless.internal.CommandResult;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;

/**
 * {@code onramp doctor}: whether this installation is whole. Every Onramp bundle must be resolved (its
 * dependencies present in the right versions); a missing library is the commonest broken install.
 */
@Component(service = ICommand.class, property = CommandRunner.COMMAND_PROPERTY + "=doctor") //$NON-NLS-1$
public class DoctorCommand implements ICommand {

	private static final String ONRAMP_PREFIX = "dev.onramp."; //$NON-NLS-1$

	private final BundleContext bundleContext;

	@Activate
	public DoctorCommand(BundleContext bundleContext) {
		this.bundleContext = bundleContext;
	}

	@Override
	public CommandResult run(CommandLine commandLine, CommandEnvironment environment, IProgressMonitor monitor)
			throws OnrampException {
		JsonArray bundles = new JsonArray();
		List<String> lines = new ArrayList<>();
		List<String> unresolved = new ArrayList<>();
		lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
		// bundles nobody has needed yet may not have been resolved: ask the framework to try every one
		bundleContext.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).resolveBundles(null);
		for (Bundle bundle : bundleContext.getBundles()) {
			if (!bundle.getSymbolicName().startsWith(ONRAMP_PREFIX) || isFragment(bundle)) {
				continue;
			}
			boolean resolved = bundle.getState() != Bundle.INSTALLED && bundle.getState() != Bundle.UNINSTALLED;
			String state = stateName(bundle.getState());
			JsonObject json = new JsonObject();
			json.addProperty("name", bundle.getSymbolicName()); //$NON-NLS-1$
			json.addProperty("version", bundle.getVersion().toString()); //$NON-NLS-1$
			json.addProperty("state", state); //$NON-NLS-1$
			json.addProperty("resolved", Boolean.valueOf(resolved)); //$NON-NLS-1$
			bundles.add(json);
			lines.add(String.format(Locale.ROOT, "%-32s %-28s %s", bundle.getSymbolicName(), bundle.getVersion(), state)); //$NON-NLS-1$
			if (!resolved) {
				unresolved.add(bundle.getSymbolicName());
			}
		}
		if (!unresolved.isEmpty()) {
			throw new OnrampException(FailureReason.INTERNAL,
					"This installation of Onramp is incomplete: " + String.join(", ", unresolved) //$NON-NLS-1$ //$NON-NLS-2$
							+ " cannot be resolved.", //$NON-NLS-1$
					"Reinstall Onramp from its update site with 'Contact all update sites' enabled."); //$NON-NLS-1$
		}
		JsonObject data = new JsonObject();
		data.addProperty("java", System.getProperty("java.version")); //$NON-NLS-1$ //$NON-NLS-2$
		data.add("bundles", bundles); //$NON-NLS-1$
		lines.add("All Onramp bundles are resolved."); //$NON-NLS-1$
		return new CommandResult(data, lines);
	}

	private static boolean isFragment(Bundle bundle) {
		BundleRevision revision = bundle.adapt(BundleRevision.class);
		return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
	}

	private static String stateName(int state) {
		return switch (state) {
		case Bundle.INSTALLED -> "installed (unresolved)"; //$NON-NLS-1$
		case Bundle.RESOLVED -> "resolved"; //$NON-NLS-1$
		case Bundle.STARTING -> "starting (lazy)"; //$NON-NLS-1$
		case Bundle.ACTIVE -> "active"; //$NON-NLS-1$
		case Bundle.STOPPING -> "stopping"; //$NON-NLS-1$
		default -> "uninstalled"; //$NON-NLS-1$
		};
	}
}
