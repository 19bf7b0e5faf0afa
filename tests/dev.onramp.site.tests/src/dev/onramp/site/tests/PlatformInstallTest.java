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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.eclipse.equinox.internal.p2.director.app.DirectorApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Windows or macOS user never meets a missing requirement: for each platform built, the p2 director installs what
 * users install from the update site (Onramp for the Eclipse IDE with the optional simulated devices, whose
 * dependencies include the headless feature, and the platform's SWT window-system fragment) into an empty folder, as
 * that platform's Eclipse would; p2 fails on any requirement the site cannot meet there. All bundles go to one
 * bundle pool shared by the five installations, so each is copied once.
 */
class PlatformInstallTest {

	private static final List<String> ONRAMP_BUNDLES = List.of("dev.onramp.core", "dev.onramp.serial",
			"dev.onramp.headless", "dev.onramp.certs", "dev.onramp.discovery", "dev.onramp.provisioning",
			"dev.onramp.ui", "dev.onramp.simulator", "dev.onramp.simulator.ui", "com.fazecast.jSerialComm");
	private static final Set<String> ARCHITECTURES = Set.of("x86_64", "aarch64");
	private static final Pattern UNIT = Pattern.compile("<unit id='([^']+)'");
	private static final List<String> WINDOW_SYSTEM_FRAGMENTS = List.of("org.eclipse.swt.gtk.linux.x86_64",
			"org.eclipse.swt.gtk.linux.aarch64", "org.eclipse.swt.win32.win32.x86_64",
			"org.eclipse.swt.cocoa.macosx.x86_64", "org.eclipse.swt.cocoa.macosx.aarch64");

	@ParameterizedTest(name = "{0}.{1}.{2}")
	@CsvSource({ "win32, win32, x86_64", "macosx, cocoa, x86_64", "macosx, cocoa, aarch64", "linux, gtk, x86_64",
			"linux, gtk, aarch64" })
	void theUiFeatureInstallsForEveryPlatform(String os, String ws, String arch) throws Exception {
		Path site = Path.of(System.getProperty("onramp.site", "missing"));
		assertTrue(Files.isRegularFile(site.resolve("content.jar")) || Files.isRegularFile(site.resolve("content.xml.xz")),
				"the update site was built before this test: " + site);
		Path work = Path.of(System.getProperty("onramp.work", "target/work"), "platforms");
		Path installation = work.resolve(os + '.' + ws + '.' + arch);
		Folders.delete(installation);
		String windowSystem = "org.eclipse.swt." + ws + '.' + os + '.' + arch;

		Object exit = new DirectorApplication().run(new String[] { "-repository", site.toUri().toString(), "-installIU",
				"dev.onramp.ui.feature.feature.group,dev.onramp.simulator.feature.feature.group," + windowSystem,
				"-destination", installation.toString(), "-bundlepool", work.resolve("pool").toString(), "-profile",
				"Onramp-" + os + '-' + arch, "-p2.os", os, "-p2.ws", ws, "-p2.arch", arch });
		assertEquals(Integer.valueOf(0), exit, "the p2 director installed Onramp for " + os + '.' + ws + '.' + arch);

		Set<String> units = installedUnits(installation);
		for (String bundle : ONRAMP_BUNDLES) {
			assertTrue(units.contains(bundle), bundle + " is installed for " + os + ": " + units);
		}
		assertTrue(units.contains("org.eclipse.ui.workbench"), "the platform came from the self-contained site");
		for (String fragment : WINDOW_SYSTEM_FRAGMENTS) {
			assertEquals(fragment.equals(windowSystem), units.contains(fragment),
					fragment + (fragment.equals(windowSystem) ? " is" : " is not") + " installed for " + os + '.'
							+ ws + '.' + arch);
		}
		Set<String> otherPlatforms = new TreeSet<>(Set.of("linux", "gtk", "win32", "macosx", "cocoa"));
		otherPlatforms.remove(os);
		otherPlatforms.remove(ws);
		for (String unit : units) {
			List<String> segments = List.of(unit.split("\\."));
			String last = segments.get(segments.size() - 1);
			assertFalse(segments.stream().anyMatch(otherPlatforms::contains)
					|| ARCHITECTURES.contains(last) && !last.equals(arch),
					unit + " belongs to another platform than " + os + '.' + ws + '.' + arch);
		}
	}

	/**
	 * @return the ids of the installable units in the installation's profile, as p2 left it (its newest state):
	 *         bundles, fragments and features alike, whichever folder p2 put their files in
	 */
	private static Set<String> installedUnits(Path installation) throws IOException {
		Path registry = installation.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry");
		Path newest;
		try (Stream<Path> states = Files.walk(registry)) {
			newest = states.filter(p -> p.getFileName().toString().endsWith(".profile.gz"))
					.max(Comparator.comparing(p -> Long.valueOf(p.getFileName().toString().split("\\.")[0])))
					.orElseThrow(() -> new AssertionError("no profile in " + registry));
		}
		String xml;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(newest))) {
			xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Set<String> ids = new TreeSet<>();
		Matcher unit = UNIT.matcher(xml);
		while (unit.find()) {
			ids.add(unit.group(1));
		}
		return ids;
	}
}
