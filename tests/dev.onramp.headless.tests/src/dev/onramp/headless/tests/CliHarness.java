/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.headless.internal.CommandRunner;

/** Runs {@code onramp} commands through the DS-wired {@link CommandRunner}, capturing stdout and stderr. */
final class CliHarness {

	/** What one run printed and returned. */
	record Run(int exit, String out, String err) {

		JsonObject json() {
			return JsonParser.parseString(out).getAsJsonObject();
		}

		@Override
		public String toString() {
			return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private CliHarness() {
	}

	static CommandRunner runner() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(CommandRunner.class).getBundleContext();
		ServiceTracker<CommandRunner, CommandRunner> tracker = new ServiceTracker<>(context, CommandRunner.class,
				null);
		tracker.open();
		CommandRunner runner = tracker.waitForService(10_000);
		assertNotNull(runner, "the CommandRunner component is registered"); //$NON-NLS-1$
		return runner;
	}

	static Run run(Map<String, String> environment, String... args) throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = runner().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment);
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
