/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The headless product as users run it: a separate process, exit codes, and stdout that scripts parse. */
class ProductTest {

	private static final List<String> CONTRACT_COMMANDS = List.of("ports", "discover", "info", "provision",
			"change-wifi", "reprovision", "verify", "ca", "fleet", "demo");

	private final Installation product = Installation.builtProduct();

	@Test
	void helpListsEveryCommandOfTheContract() throws IOException, InterruptedException {
		Installation.Run run = product.run("--help");
		assertEquals(0, run.exitCode(), run.stderr());
		for (String command : CONTRACT_COMMANDS) {
			assertTrue(run.stdout().contains("\n  " + command + " "), command + " in:\n" + run.stdout());
		}
	}

	@Test
	void versionIsPrinted() throws IOException, InterruptedException {
		Installation.Run run = product.run("--version");
		assertEquals(0, run.exitCode(), run.stderr());
		assertTrue(run.stdout().matches("onramp 0\\.1\\.0\\.v\\d{8}-\\d{4}\\R"), run.stdout());
	}

	@Test
	void portsAsJsonIsOneDocumentWithAList() throws IOException, InterruptedException {
		Installation.Run run = product.run("ports", "--json");
		assertEquals(0, run.exitCode(), run.stderr());
		JsonObject document = JsonParser.parseString(run.stdout()).getAsJsonObject();
		assertTrue(document.get("ok").getAsBoolean());
		assertTrue(document.get("ports").isJsonArray());
		for (var port : document.getAsJsonArray("ports")) {
			JsonObject object = port.getAsJsonObject();
			for (String key : new String[] { "path", "by_id", "description", "access", "usb" }) {
				assertTrue(object.has(key), key + " is always present (null when unknown): " + object);
			}
		}
	}

	/** The README's main job: simulated devices end to end, as a separate process. */
	@Test
	void theDemoRunsEndToEndAndNeverPrintsItsSecrets() throws IOException, InterruptedException {
		String caPassword = "demo-canary-" + Long.toHexString(System.nanoTime());
		Installation.Run run = product.run(java.util.Map.of("ONRAMP_CA_PASSWORD", caPassword), "--json", "demo");
		assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
		JsonObject document = JsonParser.parseString(run.stdout()).getAsJsonObject();
		assertTrue(document.get("ok").getAsBoolean(), run.stdout());
		assertFalse((run.stdout() + run.stderr()).contains(caPassword), "the CA password is never printed");
		assertTrue(document.get("data_dir_temporary").getAsBoolean(), run.stdout());
		java.nio.file.Path dataDirectory = java.nio.file.Path.of(document.get("data_dir").getAsString());
		assertFalse(java.nio.file.Files.exists(dataDirectory), "the demo removes its temporary data directory");
	}

	@Test
	void usageErrorsExitTwoAndExplainOnStderr() throws IOException, InterruptedException {
		Installation.Run run = product.run("flash-everything");
		assertEquals(2, run.exitCode());
		assertTrue(run.stderr().contains("Unknown command 'flash-everything'"), run.stderr());
		assertTrue(run.stdout().isEmpty(), "nothing on stdout for a failure in text mode: " + run.stdout());
	}

	@Test
	void doctorFindsEveryBundleResolved() throws IOException, InterruptedException {
		Installation.Run run = product.run("doctor", "--json");
		assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
		String bundles = JsonParser.parseString(run.stdout()).getAsJsonObject().get("bundles").toString();
		assertTrue(bundles.contains("dev.onramp.headless"));
		assertFalse(bundles.contains("\"resolved\":false"));
	}
}
