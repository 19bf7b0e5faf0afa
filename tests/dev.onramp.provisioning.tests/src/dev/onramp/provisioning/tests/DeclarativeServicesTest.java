/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.provisioning.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import com.google.gson.JsonParser;

import dev.onramp.core.provisioning.IProtocommProvisioner;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.provisioning.internal.ProtocommProvisioner;
import dev.onramp.simulator.protocomm.SimulatedProtocommDevice;

/** The provisioner and the provision command as the product wires them: DS components in OSGi. */
class DeclarativeServicesTest {

	private final Devices devices = new Devices();

	@AfterEach
	void closeDevices() {
		devices.close();
	}

	@Test
	void provisionCommandIsWiredToTheProtocommService() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(ProtocommProvisioner.class).getBundleContext();
		ServiceTracker<IProtocommProvisioner, IProtocommProvisioner> provisioners = new ServiceTracker<>(context,
				IProtocommProvisioner.class, null);
		ServiceTracker<CommandRunner, CommandRunner> runners = new ServiceTracker<>(context, CommandRunner.class,
				null);
		provisioners.open();
		runners.open();
		try {
			assertNotNull(provisioners.waitForService(10_000), "the protocomm provisioner is registered");
			CommandRunner runner = runners.waitForService(10_000);
			assertNotNull(runner, "the CommandRunner component is registered");
			SimulatedProtocommDevice device = devices.start(Devices.config().security(2));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int exit = runner.run(
					new String[] { "--json", "provision", "abcd1234", "--scan", "--endpoint", device.endpoint() },
					new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
			assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
			assertEquals(device.visibleNetworks(), JsonParser.parseString(out.toString(StandardCharsets.UTF_8))
					.getAsJsonObject().getAsJsonArray("networks").size());
		} finally {
			runners.close();
			provisioners.close();
		}
	}
}
