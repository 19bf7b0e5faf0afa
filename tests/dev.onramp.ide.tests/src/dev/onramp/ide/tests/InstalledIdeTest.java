/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The path a user takes: "Onramp for the Eclipse IDE" installed from the built update site into an Eclipse IDE with
 * that IDE's own p2 director, then the workbench started (under the build's X display) with the Device Explorer
 * opened inside it by the probe. Once on the oldest release Onramp declares (2024-03), once on the current one
 * (2026-09), where the installation is then done again over the one in use.
 */
class InstalledIdeTest {

	private static final String UI_FEATURE = "dev.onramp.ui.feature.feature.group";
	private static final String SIMULATOR_FEATURE = "dev.onramp.simulator.feature.feature.group";

	@Test
	void onrampInstallsIntoEclipse202403AndItsDeviceExplorerOpens() throws Exception {
		Path work = work("ide-2024-03");
		Ide ide = Ide.copyOfBuilt("onramp.ide.2024-03", work.resolve("eclipse"));
		assertFalse(ide.hasPlugin("dev.onramp.ui"), "the IDE comes without Onramp");

		ide.install(site(), UI_FEATURE);

		Findings findings = ide.startAndProbe(work.resolve("workspace"), work.resolve("data"), work,
				screenshots().resolve("eclipse-2024-03.png"));
		assertTrue(findings.get("platform.ui").startsWith("3.205.100."), "org.eclipse.ui of Eclipse 2024-03, not "
				+ findings.get("platform.ui"));
		// the self-contained site carries the 2026-09 platform: installing Onramp keeps the IDE's own
		assertTrue(findings.get("platform.workbench").startsWith("3.131.100."), findings.get("platform.workbench"));
		assertTrue(findings.get("platform.osgi").startsWith("3.19.0."), findings.get("platform.osgi"));
		findings.assertDeviceExplorerOpen();
		findings.assertResolved(Findings.ONRAMP_BUNDLES);
		findings.assertAbsent(Findings.SIMULATOR_BUNDLES);
	}

	@Test
	void installingAgainIntoAnIdeInUseKeepsTheUsersCaInventoryAndPreferences() throws Exception {
		Path work = work("ide-2026-09");
		Ide ide = Ide.copyOfBuilt("onramp.ide", work.resolve("eclipse"));
		ide.install(site(), UI_FEATURE, SIMULATOR_FEATURE);

		// what a user has after a while: a local CA, an inventory, workspace preferences
		Path data = work.resolve("data");
		Path workspace = work.resolve("workspace");
		initCertificateAuthority(data);
		Files.writeString(data.resolve("inventory.json"), "{\"hostname\":\"pydirect-1a2b3c\",\"serial\":\"01\","
				+ "\"fingerprint_sha256\":\"" + "ab".repeat(32) + "\",\"key\":\"ec-p256\",\"trust\":\"ca\","
				+ "\"issued_at\":\"2026-11-01T10:00:00Z\",\"not_after\":\"2027-11-01T10:00:00Z\"}\n");
		Path preferences = workspace.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/dev.onramp.discovery.prefs");
		Files.createDirectories(preferences.getParent());
		Files.writeString(preferences, "eclipse.preferences.version=1\ninterfaces.include=lo\n");

		Findings first = ide.startAndProbe(workspace, data, work, screenshots().resolve("eclipse-2026-09.png"));
		assertTrue(first.get("platform.ui").startsWith("3.209."), first.get("platform.ui"));
		first.assertDeviceExplorerOpen();
		first.assertResolved(Findings.ONRAMP_BUNDLES);
		first.assertResolved(Findings.SIMULATOR_BUNDLES);
		Map<String, String> dataBefore = Files2.digests(data);
		assertTrue(dataBefore.keySet().stream().anyMatch(name -> name.startsWith("ca")), "the CA is there: " + dataBefore);
		String preferencesBefore = Files.readString(preferences);

		// the site installed again over the installation in use
		ide.install(site(), UI_FEATURE, SIMULATOR_FEATURE);

		Findings second = ide.startAndProbe(workspace, data, work, null);
		second.assertDeviceExplorerOpen();
		second.assertResolved(Findings.ONRAMP_BUNDLES);
		second.assertResolved(Findings.SIMULATOR_BUNDLES);
		assertEquals(dataBefore, Files2.digests(data), "the data directory (CA, inventory) is as it was");
		assertEquals(preferencesBefore, Files.readString(preferences), "the workspace preferences are as they were");
	}

	/** A local CA made by the headless command, as a user who started with {@code onramp ca init} has one. */
	private static void initCertificateAuthority(Path data) throws IOException, InterruptedException {
		Path product = Path.of(System.getProperty("onramp.product", "missing"));
		assertTrue(Files.isDirectory(product), "the headless product was built before this test: " + product);
		Path launcher;
		try (var plugins = Files.list(product.resolve("plugins"))) {
			launcher = plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))
					.findFirst().orElseThrow();
		}
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-jar", launcher.toString(), "-nosplash",
				"-application", "dev.onramp.headless.app", "--data-dir", data.toString(), "--json", "ca", "init"));
		Processes.Result run = Processes.run(command, product, Map.of("ONRAMP_CA_PASSWORD", "ide-tests-only"),
				Duration.ofMinutes(2));
		assertEquals(0, run.exitCode(), "onramp ca init: " + run);
	}

	static Path site() {
		Path site = Path.of(System.getProperty("onramp.site", "missing"));
		assertTrue(Files.isRegularFile(site.resolve("content.jar")) || Files.isRegularFile(site.resolve("content.xml.xz")),
				"the update site was built before this test: " + site);
		return site;
	}

	static Path work(String name) throws IOException {
		Path work = Path.of(System.getProperty("onramp.work", "target/work")).toAbsolutePath().resolve(name);
		Files2.deleteRecursively(work);
		Files.createDirectories(work);
		return work;
	}

	static Path screenshots() throws IOException {
		Path screenshots = Path.of(System.getProperty("onramp.screenshots", "target/screenshots")).toAbsolutePath();
		Files.createDirectories(screenshots);
		return screenshots;
	}
}
