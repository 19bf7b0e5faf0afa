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
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.equinox.internal.p2.director.app.DirectorApplication;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The path a user takes: install "Onramp for the Eclipse IDE" from the built update site with the p2 director into
 * a fresh Eclipse installation, then check that every Onramp bundle and its dependencies resolve there.
 */
class UpdateSiteInstallTest {

	@Test
	void uiFeatureInstallsFromTheSiteAndResolves() throws Exception {
		Path site = Path.of(System.getProperty("onramp.site", "missing"));
		assertTrue(Files.isRegularFile(site.resolve("content.jar")) || Files.isRegularFile(site.resolve("content.xml.xz")),
				"the update site was built before this test: " + site);
		Path installation = Path.of(System.getProperty("onramp.work", "target/work"), "installation");
		Folders.delete(installation);
		copyRecursively(Installation.builtProduct().root(), installation);
		Installation fresh = new Installation(installation);
		assertFalse(fresh.hasPlugin("dev.onramp.ui"), "a fresh installation has no UI yet");

		Object exit = new DirectorApplication().run(new String[] { "-repository", site.toUri().toString(),
				"-installIU", "dev.onramp.ui.feature.feature.group", "-destination", installation.toString(),
				"-profile", "DefaultProfile", "-p2.os", "linux", "-p2.ws", "gtk", "-p2.arch", "x86_64" });
		assertEquals(Integer.valueOf(0), exit, "the p2 director installed the feature");

		assertTrue(fresh.hasPlugin("dev.onramp.ui"));
		assertTrue(fresh.hasPlugin("org.eclipse.ui.workbench"), "dependencies came from the self-contained site");
		assertTrue(Files.list(installation.resolve("features"))
				.anyMatch(p -> p.getFileName().toString().startsWith("dev.onramp.ui.feature_")));

		Installation.Run run = fresh.run("doctor", "--json");
		assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
		JsonObject document = JsonParser.parseString(run.stdout()).getAsJsonObject();
		Map<String, Boolean> resolved = new HashMap<>();
		for (JsonElement bundle : document.getAsJsonArray("bundles")) {
			JsonObject object = bundle.getAsJsonObject();
			resolved.put(object.get("name").getAsString(), Boolean.valueOf(object.get("resolved").getAsBoolean()));
		}
		for (String bundle : new String[] { "dev.onramp.core", "dev.onramp.serial", "dev.onramp.headless",
				"dev.onramp.certs", "dev.onramp.ui" }) {
			assertEquals(Boolean.TRUE, resolved.get(bundle), bundle + " resolves in " + resolved);
		}
	}

	/**
	 * The simulated devices are optional: an empty installation that gets the UI feature has no simulator, and the
	 * simulator feature installs on top of it.
	 */
	@Test
	void theUiFeatureBringsNoSimulatorAndTheSimulatorFeatureInstallsOnTop() throws Exception {
		Path site = Path.of(System.getProperty("onramp.site", "missing"));
		Path installation = Path.of(System.getProperty("onramp.work", "target/work"), "installation-ui-only");
		Folders.delete(installation);
		Files.createDirectories(installation);
		Installation fresh = new Installation(installation);

		assertEquals(Integer.valueOf(0), install(site, installation, "dev.onramp.ui.feature.feature.group"));
		assertTrue(fresh.hasPlugin("dev.onramp.ui"));
		assertTrue(fresh.hasPlugin("dev.onramp.provisioning"), "the services come with the UI");
		assertFalse(fresh.hasPlugin("dev.onramp.simulator"), "the IDE feature carries no simulated devices");
		assertFalse(fresh.hasPlugin("dev.onramp.simulator.ui"), "nor their Device Explorer menu");
		// JmDNS logs through slf4j-api, whose metadata requires some provider: p2 takes the IDE's own when it has
		// one, or the site's slf4j-simple; the features themselves carry none
		try (java.nio.file.DirectoryStream<Path> features = Files.newDirectoryStream(site.resolve("features"),
				"dev.onramp*.jar")) {
			for (Path feature : features) {
				try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(feature.toFile())) {
					String xml = new String(jar.getInputStream(jar.getEntry("feature.xml")).readAllBytes(),
							java.nio.charset.StandardCharsets.UTF_8);
					boolean simulatorFeature = feature.getFileName().toString().startsWith("dev.onramp.simulator");
					assertFalse(!simulatorFeature && xml.contains("id=\"slf4j.simple\""),
							feature.getFileName() + " carries no slf4j provider of its own");
				}
			}
		}

		assertEquals(Integer.valueOf(0), install(site, installation, "dev.onramp.simulator.feature.feature.group"));
		assertTrue(fresh.hasPlugin("dev.onramp.simulator"), "the optional feature installs on top");
		assertTrue(fresh.hasPlugin("dev.onramp.simulator.ui"), "with \"Start a Simulated Device...\" in the workbench");
		assertTrue(fresh.hasPlugin("dev.onramp.ui"), "and keeps what was there");
	}

	private static Object install(Path site, Path installation, String unit) throws Exception {
		return new DirectorApplication().run(new String[] { "-repository", site.toUri().toString(), "-installIU", unit,
				"-destination", installation.toString(), "-profile", "DefaultProfile", "-p2.os", "linux", "-p2.ws",
				"gtk", "-p2.arch", "x86_64" });
	}

	/**
	 * Copies the built product as a user downloads it: without the run-time state that the tests running the built
	 * product in place leave in it (the framework's persisted bundles, logs, the class-data archive). With that state,
	 * the copy's framework could start from its old bundle set instead of the director's new bundles.info.
	 */
	private static void copyRecursively(Path from, Path to) throws IOException {
		Files.walkFileTree(from, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				Path relative = from.relativize(dir);
				if (relative.getNameCount() == 2 && relative.startsWith("configuration") //$NON-NLS-1$
						&& RUN_TIME_STATE.contains(relative.getFileName().toString())) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				Files.createDirectories(to.resolve(relative.toString()));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				String name = file.getFileName().toString();
				if (name.endsWith(".log") || name.endsWith(".jsa")) { //$NON-NLS-1$ //$NON-NLS-2$
					return FileVisitResult.CONTINUE;
				}
				Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
				return FileVisitResult.CONTINUE;
			}
		});
	}

	/** The configuration area's folders that a run of the product writes (not part of the built product). */
	private static final Set<String> RUN_TIME_STATE = Set.of("org.eclipse.osgi", "org.eclipse.core.runtime", //$NON-NLS-1$ //$NON-NLS-2$
			"org.eclipse.equinox.app", "org.eclipse.update"); //$NON-NLS-1$ //$NON-NLS-2$
}
