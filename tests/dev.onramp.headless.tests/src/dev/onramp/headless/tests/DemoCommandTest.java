/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.headless.internal.CommandRunner;

/** {@code onramp demo} end to end on in-process simulated devices, through the DS-wired runner. */
class DemoCommandTest {

	@Test
	void demoRunsEveryInstalledStepAndExitsZero() throws Exception {
		CliHarness.Run run = CliHarness.run(Map.of(), "demo", "--json"); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals(0, run.exit(), run::toString);
		JsonObject document = run.json();
		assertTrue(document.get("ok").getAsBoolean()); //$NON-NLS-1$
		Map<String, JsonObject> steps = new HashMap<>();
		for (JsonElement step : document.getAsJsonArray("devices")) { //$NON-NLS-1$
			steps.put(step.getAsJsonObject().get("transport").getAsString(), step.getAsJsonObject()); //$NON-NLS-1$
		}
		assertEquals(4, steps.size(), document::toString);
		assertEquals("ok", steps.get("protocomm").get("outcome").getAsString(), document::toString); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("ok", steps.get("improv").get("outcome").getAsString(), document::toString); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		// this test runtime installs every service (see the pom's extra requirements): every step must run, not be
		// skipped; a branch for a missing service would never run here
		BundleContext context = FrameworkUtil.getBundle(CommandRunner.class).getBundleContext();
		assertEquals(1, context.getServiceReferences(IWifiProvisioner.class, "(transport=repl)").size()); //$NON-NLS-1$
		assertTrue(context.getServiceReference(IReprovisioner.class) != null);
		assertEquals("ok", steps.get("repl").get("outcome").getAsString(), document::toString); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("ok", steps.get("reprovision").get("outcome").getAsString(), document::toString); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertTrue(document.get("verified").getAsBoolean()); //$NON-NLS-1$
		assertTrue(document.get("url").getAsString().startsWith("https://pydirect-"), document::toString); //$NON-NLS-1$ //$NON-NLS-2$
		// the demo takes whichever finds the board first, the announcement or its last address, and says which
		String foundBy = document.get("found_by").getAsString(); //$NON-NLS-1$
		assertTrue(foundBy.equals("mdns") || foundBy.equals("ip"), document::toString); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void textSummaryHasATableAndTheDataDirectory() throws Exception {
		CliHarness.Run run = CliHarness.run(Map.of(), "demo"); //$NON-NLS-1$
		assertEquals(0, run.exit(), run::toString);
		assertTrue(run.out().contains("DEVICE") && run.out().contains("TRANSPORT") && run.out().contains("OUTCOME"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				run::toString);
		assertTrue(run.out().contains("Data directory"), run::toString); //$NON-NLS-1$
		assertTrue(run.out().contains("all simulated devices stopped"), run::toString); //$NON-NLS-1$
	}
}
