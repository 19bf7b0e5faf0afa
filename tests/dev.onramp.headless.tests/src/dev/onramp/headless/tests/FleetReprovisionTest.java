/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.onramp.core.provisioning.IReprovisioner;
import dev.onramp.core.provisioning.IWifiProvisioner;
import dev.onramp.headless.internal.CommandRunner;
import dev.onramp.simulator.SimulatedMicroPythonDevice;
import dev.onramp.simulator.SimulatedNetwork;
import dev.onramp.simulator.SimulatorOptions;
import dev.onramp.simulator.rfc2217.Rfc2217SimulatorServer;

/** Fleet rows over the REPL: Wi-Fi, then a blessing, on a simulated pyDirect board behind socket://127.0.0.1. */
class FleetReprovisionTest {

	@TempDir
	Path folder;

	@Test
	void replAndReprovisionRowsRunWhenTheirServicesAreInstalled() throws Exception {
		String password = "pw-" + UUID.randomUUID(); //$NON-NLS-1$
		SimulatorOptions options = SimulatorOptions.pyDirectDefaults()
				.withNetwork(SimulatedNetwork.isolated().withKnownNetwork("Shop", password)); //$NON-NLS-1$
		try (Rfc2217SimulatorServer board = new Rfc2217SimulatorServer(
				SimulatedMicroPythonDevice.withTemporaryFlash(options))) {
			Path manifest = Files.writeString(folder.resolve("fleet.csv"), //$NON-NLS-1$
					"name,protocol,target,ssid,password_env,trust\n" //$NON-NLS-1$
							+ "wifi,repl," + board.uri() + ",Shop,SHOP_PW,\n", //$NON-NLS-1$ //$NON-NLS-2$
					StandardCharsets.UTF_8);
			Path blessing = Files.writeString(folder.resolve("bless.csv"), //$NON-NLS-1$
					"name,protocol,target,trust,https_port\nbless,reprovision," + board.uri() + ",ca," //$NON-NLS-1$ //$NON-NLS-2$
							+ board.device().httpsPort() + "\n", //$NON-NLS-1$
					StandardCharsets.UTF_8);
			Path report = folder.resolve("report.json"); //$NON-NLS-1$
			Map<String, String> environment = Map.of("SHOP_PW", password); //$NON-NLS-1$
			BundleContext context = FrameworkUtil.getBundle(CommandRunner.class).getBundleContext();

			CliHarness.Run wifi = CliHarness.run(environment, "fleet", manifest.toString(), "--report", //$NON-NLS-1$ //$NON-NLS-2$
					report.toString());
			boolean repl = !context.getServiceReferences(IWifiProvisioner.class, "(transport=repl)").isEmpty(); //$NON-NLS-1$
			assertEquals(repl ? 0 : 2, wifi.exit(), wifi::toString);
			assertFalse(wifi.out().contains(password) || wifi.err().contains(password)
					|| Files.readString(report).contains(password), "the Wi-Fi password never shows"); //$NON-NLS-1$

			CliHarness.Run bless = CliHarness.run(environment, "fleet", blessing.toString(), "--report", //$NON-NLS-1$ //$NON-NLS-2$
					report.toString(), "--json"); //$NON-NLS-1$
			JsonObject row = rows(JsonParser.parseString(Files.readString(report)).getAsJsonObject()).get("bless"); //$NON-NLS-1$
			if (context.getServiceReference(IReprovisioner.class) == null) {
				assertEquals(2, bless.exit(), bless::toString);
				assertEquals("not_available", row.getAsJsonObject("error").get("reason").getAsString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				return;
			}
			assertEquals(0, bless.exit(), bless::toString);
			JsonObject results = row.getAsJsonObject("results"); //$NON-NLS-1$
			assertTrue(results.get("verified").getAsBoolean(), row::toString); //$NON-NLS-1$
			assertEquals(board.device().hostname(), results.get("hostname").getAsString()); //$NON-NLS-1$
			assertEquals(95, results.get("fingerprint_sha256").getAsString().length(), row::toString); //$NON-NLS-1$
			assertTrue(results.get("url").getAsString().startsWith("https://" + board.device().hostname()), //$NON-NLS-1$ //$NON-NLS-2$
					row::toString);
		}
	}

	private static Map<String, JsonObject> rows(JsonObject report) {
		Map<String, JsonObject> rows = new HashMap<>();
		for (JsonElement row : report.getAsJsonArray("rows")) { //$NON-NLS-1$
			rows.put(row.getAsJsonObject().get("name").getAsString(), row.getAsJsonObject()); //$NON-NLS-1$
		}
		return rows;
	}
}
