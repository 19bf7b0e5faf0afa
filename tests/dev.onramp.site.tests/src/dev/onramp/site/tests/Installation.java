/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.site.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An Onramp installation on disk, run the way the {@code onramp} script runs it: a separate Java process. */
final class Installation {

	private static final long RUN_TIMEOUT_SECONDS = 120;

	/** What one run printed and returned. */
	record Run(int exitCode, String stdout, String stderr) {
	}

	private final Path root;

	Installation(Path root) {
		this.root = root;
	}

	static Installation builtProduct() {
		Path product = Path.of(System.getProperty("onramp.product", "missing"));
		assertTrue(Files.isDirectory(product), "the product was built before this test: " + product);
		return new Installation(product);
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

	/** @return the command line that runs the installed application with these arguments */
	List<String> command(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		// tests talk to loopback only: never let discovery choose the machine's real interfaces
		command.add("-Ddev.onramp.discovery.interfaces=lo");
		command.add("-jar");
		command.add(launcherJar().toString());
		command.add("-nosplash");
		command.add("-application");
		command.add("dev.onramp.headless.app");
		command.addAll(List.of(args));
		return command;
	}

	Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command(args)).directory(root.toFile());
		builder.environment().putAll(environment);
		Path out = Files.createTempFile("onramp-out", ".txt");
		Path err = Files.createTempFile("onramp-err", ".txt");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
		Process process = builder.start();
		process.getOutputStream().close();
		try {
			if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("onramp " + String.join(" ", args) + " did not finish in "
						+ RUN_TIMEOUT_SECONDS + " s");
			}
			return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		} finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	Run run(String... args) throws IOException, InterruptedException {
		return run(Map.of(), args);
	}
}
