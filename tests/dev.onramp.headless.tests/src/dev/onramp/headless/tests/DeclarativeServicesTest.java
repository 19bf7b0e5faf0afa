/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.headless.internal.CommandRunner;

/** The runner and the commands as the product wires them: real DS components in a real OSGi framework. */
class DeclarativeServicesTest {

	@Test
	void portsCommandIsWiredToTheSerialServiceAndPrintsAJsonList() throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(CommandRunner.class).getBundleContext();
		ServiceTracker<CommandRunner, CommandRunner> tracker = new ServiceTracker<>(context, CommandRunner.class,
				null);
		tracker.open();
		try {
			CommandRunner runner = tracker.waitForService(10_000);
			assertNotNull(runner, "the CommandRunner component is registered");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int exit = runner.run(new String[] { "ports", "--json" }, new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
			assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
			JsonObject document = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
			assertTrue(document.get("ok").getAsBoolean());
			assertTrue(document.get("ports").isJsonArray());
			assertEquals(ComponentConfigurationDTO.SATISFIED, state(context, DOCTOR),
					"commands that do not run are never started");
		} finally {
			tracker.close();
		}
	}

	private static final String DOCTOR = "dev.onramp.headless.internal.commands.DoctorCommand"; //$NON-NLS-1$

	private static int state(BundleContext context, String component) {
		ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
		ServiceComponentRuntime runtime = context.getService(reference);
		try {
			ComponentDescriptionDTO description = runtime
					.getComponentDescriptionDTO(FrameworkUtil.getBundle(CommandRunner.class), component);
			assertNotNull(description, component);
			return runtime.getComponentConfigurationDTOs(description).iterator().next().state;
		} finally {
			context.ungetService(reference);
		}
	}
}
