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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** An Onramp installation on disk, run the way the {@code onramp} script runs it: a separate Java process. */
final class Installation {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

	/** What one run printed and returned. */
	record Run(int exitCode, String stdout, String stderr) {

		/** @return the one JSON document a {@code --json} run prints on stdout */
		JsonObject json() {
			return JsonParser.parseString(stdout).getAsJsonObject();
		}

		@Override
		public String toString() {
			return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
		}
	}

	private final Path root;
	private final List<String> jvmOptions;

	Installation(Path root) {
		this(root, List.of());
	}

	private Installation(Path root, List<String> jvmOptions) {
		this.root = root;
		this.jvmOptions = List.copyOf(jvmOptions);
	}

	/** @return this installation, started with further JVM options (for example its own {@code java.io.tmpdir}) */
	Installation withJvmOptions(String... options) {
		List<String> all = new ArrayList<>(jvmOptions);
		all.addAll(List.of(options));
		return new Installation(root, all);
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
		// the onramp script's start-up options: the client compiler and a class-data archive made at the first run
		command.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:SharedArchiveFile=" + root.resolve("onramp.jsa"),
				"-XX:+AutoCreateSharedArchive"));
		// tests talk to loopback only: never let discovery choose the machine's real interfaces
		command.add("-Ddev.onramp.discovery.interfaces=lo");
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(launcherJar().toString());
		command.add("-nosplash");
		command.add("-application");
		command.add("dev.onramp.headless.app");
		command.addAll(List.of(args));
		return command;
	}

	Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		try (Running running = start(environment, args)) {
			return running.await(RUN_TIMEOUT);
		}
	}

	/** @return a run under way, for a test that acts while the command works; close it to end it */
	Running start(Map<String, String> environment, String... args) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command(args)).directory(root.toFile());
		builder.environment().putAll(environment);
		Path out = Files.createTempFile("onramp-out", ".txt");
		Path err = Files.createTempFile("onramp-err", ".txt");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
		Process process = builder.start();
		process.getOutputStream().close();
		return new Running(String.join(" ", args), process, out, err);
	}

	/** A command that runs now: its process, and what it printed once it ends. */
	static final class Running implements AutoCloseable {

		private final String arguments;
		private final Process process;
		private final Path out;
		private final Path err;

		private Running(String arguments, Process process, Path out, Path err) {
			this.arguments = arguments;
			this.process = process;
			this.out = out;
			this.err = err;
		}

		Process process() {
			return process;
		}

		/** @return what the command printed and returned, once it ended within {@code timeout} */
		Run await(Duration timeout) throws IOException, InterruptedException {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				throw new AssertionError("onramp " + arguments + " did not finish in " + timeout.toSeconds()
						+ " s; it printed:\n" + printed(-1));
			}
			return printed(process.exitValue());
		}

		private Run printed(int exitCode) throws IOException {
			return new Run(exitCode, Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}

		/** Ends the command if it still runs and deletes what it printed. */
		@Override
		public void close() throws IOException, InterruptedException {
			process.destroyForcibly().waitFor();
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	Run run(String... args) throws IOException, InterruptedException {
		return run(Map.of(), args);
	}

	/** Runs with {@code --data-dir DIR --json} before the arguments: a private data directory, one JSON document. */
	Run runJson(Map<String, String> environment, Path dataDirectory, String... args)
			throws IOException, InterruptedException {
		return run(environment, jsonArguments(dataDirectory, args));
	}

	/** Starts a run like {@link #runJson(Map, Path, String...)} does, and returns while it works. */
	Running startJson(Map<String, String> environment, Path dataDirectory, String... args) throws IOException {
		return start(environment, jsonArguments(dataDirectory, args));
	}

	private static String[] jsonArguments(Path dataDirectory, String... args) {
		List<String> all = new ArrayList<>(List.of("--data-dir", dataDirectory.toString(), "--json"));
		all.addAll(List.of(args));
		return all.toArray(String[]::new);
	}
}
