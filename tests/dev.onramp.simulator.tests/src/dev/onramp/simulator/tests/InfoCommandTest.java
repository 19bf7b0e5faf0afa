/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.simulator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.headless.internal.ICommand;
import dev.onramp.serial.repl.internal.ReplService;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.SimulatorServer;

/**
 * {@code onramp info --port socket://127.0.0.1:PORT --json} as the product runs it: the runner and the command are the
 * DS components of the headless bundle, the serial line is a TCP connection to the simulated pyDirect device.
 */
class InfoCommandTest {

	private static final long WAIT_MS = 10_000;

	@Test
	void infoPrintsTheIdentityOfTheDeviceAsJson() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(InfoCommandTest.class).getBundleContext();
		// lazy bundles: DS builds their components once they are started
		start(FrameworkUtil.getBundle(CommandRunner.class));
		start(FrameworkUtil.getBundle(ReplService.class));
		ServiceTracker<CommandRunner, CommandRunner> runners = new ServiceTracker<>(context, CommandRunner.class, null);
		ServiceTracker<ICommand, ICommand> info = new ServiceTracker<>(context,
				context.createFilter("(&(objectClass=" + ICommand.class.getName() //$NON-NLS-1$
						+ ")(component.name=dev.onramp.headless.internal.commands.InfoCommand))"), //$NON-NLS-1$
				null);
		runners.open();
		info.open();
		try (SimulatedMicroPythonDevice device = SimulatedMicroPythonDevice
				.withTemporaryFlash(SimulatorOptions.pyDirectDefaults());
				SimulatorServer server = new SimulatorServer(device)) {
			CommandRunner runner = runners.waitForService(WAIT_MS);
			assertNotNull(runner, "the CommandRunner component is registered");
			assertNotNull(info.waitForService(WAIT_MS), "the info command is registered (its serial services are there)");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int exit = runner.run(new String[] { "info", "--port", server.uri(), "--json" },
					new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
					Map.of());
			String printed = out.toString(StandardCharsets.UTF_8);
			assertEquals(0, exit, printed + err.toString(StandardCharsets.UTF_8));
			JsonObject json = JsonParser.parseString(printed).getAsJsonObject();
			assertTrue(json.get("ok").getAsBoolean());
			assertEquals(server.uri(), json.get("port").getAsString());
			assertEquals("pydirect", json.get("kind").getAsString());
			assertEquals("micropython", json.get("implementation").getAsString());
			assertEquals(device.options().version(), json.get("version").getAsString());
			assertEquals(device.options().machine(), json.get("machine").getAsString());
			assertEquals(device.mac().toString(), json.get("mac").getAsString());
			assertEquals(device.hostname(), json.get("hostname").getAsString());
			assertTrue(device.hostname().startsWith("pydirect-"), device.hostname());
		} finally {
			info.close();
			runners.close();
		}
	}

	private static void start(Bundle bundle) throws BundleException {
		if (bundle.getState() != Bundle.ACTIVE) {
			bundle.start(Bundle.START_ACTIVATION_POLICY);
		}
	}
}
