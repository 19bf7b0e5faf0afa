/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An Eclipse IDE on disk, as a user has one: it installs update sites with its own p2 director application and
 * starts its workbench, each in a process of its own.
 */
final class Ide {

	private static final Duration DIRECTOR_TIMEOUT = Duration.ofMinutes(3);
	private static final Duration WORKBENCH_TIMEOUT = Duration.ofMinutes(3);

	/** The probe's system properties (dev.onramp.ide.probe in the assembled IDEs). */
	static final String PROBE_RESULT = "dev.onramp.ide.probe.result";
	static final String PROBE_SCREENSHOT = "dev.onramp.ide.probe.screenshot";
	static final String PROBE_EXIT = "dev.onramp.ide.probe.exit";

	private final Path root;

	private Ide(Path root) {
		this.root = root;
	}

	/** @return a fresh copy at {@code to} of the IDE the build assembled at the path system property {@code property} names */
	static Ide copyOfBuilt(String property, Path to) throws IOException {
		Path built = Path.of(System.getProperty(property, "missing"));
		assertTrue(Files.isDirectory(built.resolve("plugins")), "the IDE was assembled before this test: " + built);
		Files2.deleteRecursively(to);
		Files2.copyRecursively(built, to);
		return new Ide(to);
	}

	Path root() {
		return root;
	}

	Path launcherJar() throws IOException {
		try (Stream<Path> plugins = Files.list(root.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))
					.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
					.orElseThrow(() -> new AssertionError("no Equinox launcher in " + root));
		}
	}

	boolean hasPlugin(String symbolicName) throws IOException {
		try (Stream<Path> plugins = Files.list(root.resolve("plugins"))) {
			return plugins.anyMatch(p -> p.getFileName().toString().startsWith(symbolicName + "_"));
		}
	}

	/** Installs units from a repository into this IDE with its own director, as {@code eclipse -application org.eclipse.equinox.p2.director} does. */
	Processes.Result install(Path repository, String... units) throws IOException, InterruptedException {
		return director("-repository", repository.toUri().toString(), "-installIU", String.join(",", units));
	}

	private Processes.Result director(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-jar", launcherJar().toString(), "-nosplash",
				"-application", "org.eclipse.equinox.p2.director"));
		command.addAll(List.of(args));
		Processes.Result result = Processes.run(command, root, java.util.Map.of(), DIRECTOR_TIMEOUT);
		assertEquals(0, result.exitCode(), "the IDE's p2 director: " + result);
		return result;
	}

	/**
	 * Starts the workbench on {@code workspace} with the probe asked to open the Device Explorer, write its findings
	 * and close the workbench; returns once the workbench has ended.
	 */
	Findings startAndProbe(Path workspace, Path dataDirectory, Path work, Path screenshot)
			throws IOException, InterruptedException {
		Path result = work.resolve("probe-" + System.nanoTime() + ".properties");
		List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xmx1g",
				"-D" + PROBE_RESULT + "=" + result, "-D" + PROBE_EXIT + "=true",
				// tests send nothing beyond loopback
				"-Ddev.onramp.discovery.interfaces=lo", "-Donramp.data.dir=" + dataDirectory));
		if (screenshot != null) {
			command.add("-D" + PROBE_SCREENSHOT + "=" + screenshot);
		}
		command.addAll(List.of("-jar", launcherJar().toString(), "-nosplash", "-data", workspace.toString()));
		command.addAll(Processes.secureStorage(work));
		Processes.Result run = Processes.run(command, root, java.util.Map.of(), WORKBENCH_TIMEOUT);
		assertEquals(0, run.exitCode(), "the workbench ended normally: " + run);
		return Findings.read(result, run);
	}
}
