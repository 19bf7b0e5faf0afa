/*******************************************************************************
 * Copyright (c) 2026 Onramp contributors.
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package dev.onramp.browser.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The built headless product run as the {@code onramp} script runs it: a separate Java process. */
final class OnrampProcess implements AutoCloseable {

	/** The page's address as the command prints it. */
	static final Pattern ADDRESS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/p/([A-Za-z0-9_-]{43})/");

	private final Process process;
	private final Path out;
	private final Path err;

	private OnrampProcess(Process process, Path out, Path err) {
		this.process = process;
		this.out = out;
		this.err = err;
	}

	static Path product() {
		Path product = Path.of(System.getProperty("onramp.product", "missing"));
		assertTrue(Files.isDirectory(product), "the product was built before this test: " + product);
		return product;
	}

	/**
	 * @param environment added to this JVM's environment, less the display variables: the desktop is what the test
	 *                    says it is
	 */
	static OnrampProcess start(Map<String, String> environment, List<String> jvmOptions, String... args)
			throws IOException {
		Path product = product();
		Path launcher;
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			launcher = plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))
					.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
		}
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:SharedArchiveFile=" + product.resolve("onramp.jsa"),
				"-XX:+AutoCreateSharedArchive", "-Ddev.onramp.discovery.interfaces=lo"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", launcher.toString(), "-nosplash", "-application", "dev.onramp.headless.app"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(product.toFile());
		builder.environment().remove("DISPLAY");
		builder.environment().remove("WAYLAND_DISPLAY");
		builder.environment().remove("ONRAMP_STDOUT_TTY");
		builder.environment().putAll(environment);
		Path out = Files.createTempFile("onramp-out", ".txt");
		Path err = Files.createTempFile("onramp-err", ".txt");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
		Process process = builder.start();
		process.getOutputStream().close();
		return new OnrampProcess(process, out, err);
	}

	/** @return the page's address once the command has printed it */
	String awaitAddress(Duration timeout) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			Matcher matcher = ADDRESS.matcher(stderr());
			if (matcher.find()) {
				return matcher.group();
			}
			if (!process.isAlive()) {
				break;
			}
			process.waitFor(50, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("no address printed; stdout:\n" + stdout() + "\nstderr:\n" + stderr());
	}

	/** @return the exit code, once the command ended within {@code timeout} */
	int awaitExit(Duration timeout) throws IOException, InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("onramp did not end in " + timeout.toSeconds() + " s; stderr:\n" + stderr());
		}
		return process.exitValue();
	}

	String stdout() throws IOException {
		return Files.readString(out, StandardCharsets.UTF_8);
	}

	String stderr() throws IOException {
		return Files.readString(err, StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException, InterruptedException {
		process.destroyForcibly().waitFor();
		Files.deleteIfExists(out);
		Files.deleteIfExists(err);
	}
}
